package org.gan4j.eval;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistLocator;
import org.gan4j.datasets.mnist.MnistSplit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objective scores for generated MNIST digits, from a small convolutional classifier trained on the MNIST
 * training set: what share of the images it recognises confidently, how the images spread over the ten
 * digits, the "MNIST inception score" and a Fréchet distance on its feature layer (an FID analogue with
 * this classifier in place of Inception). The scores of real MNIST images (see
 * {@link #score(INDArray)} on training images) are the ceiling to compare a model with.
 *
 * <p>The classifier (conv 5x5 32 + ReLU, max-pool 2, conv 5x5 64 + ReLU, max-pool 2, dense 256 + ReLU =
 * the features, dense 10 softmax; input NCHW {@code [N, 1, 28, 28]} in [-1, 1] as
 * {@link Mnist#images(int...)} gives) is trained with Adam (batch 64, lr 1e-3, 1e-4 in the last epoch) for
 * {@value #DEFAULT_EPOCHS} epochs over the 60,000 training images with a fixed seed, once: {@link #loadOrTrain}
 * keeps it in {@value #FILE_NAME} (the version in the name changes with the recipe) in the per-user
 * MNIST cache folder ({@link #defaultFile()}), written atomically, together with what training measured on
 * the 10,000 test images: the accuracy and the Gaussian fit of their features, the reference of the Fréchet
 * distance.
 *
 * <p>Scores are comparable only between evaluations with the same classifier file and the same number of
 * images (the Fréchet distance of a small set is biased upwards, the inception score downwards).
 */
public final class MnistEvaluator {
    /** Name of the cached classifier file; the number is the version of the training recipe. */
    public static final String FILE_NAME = "mnist-classifier-v1.zip";
    /** Epochs of the classifier's default training. */
    public static final int DEFAULT_EPOCHS = 3;
    /** Top class probability from which an image counts as confidently classified. */
    public static final double CONFIDENT_PROBABILITY = 0.9;
    /** Default share of the images a digit needs to count as present (5 %; a uniform spread gives 10 %). */
    public static final double DEFAULT_PRESENT_SHARE = 0.05;
    /** Seed of the classifier's initialisation and batch order. */
    static final long SEED = 20_261_127L;
    static final int VERSION = 1;
    private static final String PROPERTIES = "classifier.properties";
    private static final String NETWORK = "network.zip";
    private static final String FEATURES = "test-features.bin";
    private static final Logger LOG = LoggerFactory.getLogger(MnistEvaluator.class);

    private final MultiLayerNetwork net;
    private final Properties info;
    private final double testAccuracy;
    private final Gaussian testFeatures;

    private MnistEvaluator(MultiLayerNetwork net, Properties info, double testAccuracy, Gaussian testFeatures) {
        this.net = net;
        this.info = info;
        this.testAccuracy = testAccuracy;
        this.testFeatures = testFeatures;
    }

    /** Runs the test split through {@code net}: its accuracy and the Gaussian fit of its features. */
    private static MnistEvaluator measured(MultiLayerNetwork net, Properties info, Mnist test) {
        requireSplit(test, MnistSplit.TEST, "test");
        int n = test.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        LeNet.Outputs out = LeNet.run(net, test.images(all));
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += argmax(out.probabilities(), i) == test.label(i) ? 1 : 0;
        }
        double accuracy = (double) correct / n;
        info.setProperty("testAccuracy", Double.toString(accuracy));
        return new MnistEvaluator(net, info, accuracy, Gaussian.fit(out.features(), n, LeNet.FEATURES));
    }

    /** The classifier file in the per-user cache: {@link MnistLocator#cacheDir()}/{@value #FILE_NAME}. */
    public static Path defaultFile() {
        return MnistLocator.defaults().cacheDir().resolve(FILE_NAME);
    }

    /**
     * Loads the classifier from {@code file}; if there is no such file, trains one with the default recipe
     * (a few minutes on one CPU core, progress logged) and writes it there atomically.
     *
     * @throws IOException if the file exists but cannot be read (the message names it and says to delete it)
     *     or cannot be written
     */
    public static MnistEvaluator loadOrTrain(Path file, Mnist train, Mnist test) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        LOG.info("MNIST classifier {} not found: training it ({} epochs over {} images), once", file,
                DEFAULT_EPOCHS, train.size());
        MnistEvaluator e = train(train, test, DEFAULT_EPOCHS, train.size());
        e.save(file);
        LOG.info(String.format(Locale.ROOT, "MNIST classifier: test accuracy %.2f %%, saved to %s",
                100 * e.testAccuracy, file));
        return e;
    }

    /**
     * Trains a classifier: {@code epochs} passes over {@code examplesPerEpoch} examples of {@code train} (the
     * first ones of each epoch's seeded shuffle; all 60,000 for the default recipe, fewer for quick tests).
     */
    public static MnistEvaluator train(Mnist train, Mnist test, int epochs, int examplesPerEpoch) {
        requireSplit(train, MnistSplit.TRAIN, "train");
        if (epochs < 1 || examplesPerEpoch < 1 || examplesPerEpoch > train.size()) {
            throw new IllegalArgumentException("need epochs >= 1 and 1 <= examplesPerEpoch <= " + train.size()
                    + ", got " + epochs + " and " + examplesPerEpoch);
        }
        long start = System.nanoTime();
        MultiLayerNetwork net = LeNet.train(train, epochs, examplesPerEpoch, SEED);
        Properties p = new Properties();
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("examplesPerEpoch", Integer.toString(examplesPerEpoch));
        p.setProperty("batch", Integer.toString(LeNet.BATCH));
        p.setProperty("seed", Long.toString(SEED));
        p.setProperty("trainingSeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return measured(net, p, test);
    }

    /**
     * Loads a classifier written by {@link #save}, with the test accuracy and test-feature statistics measured
     * when it was trained.
     *
     * @throws IOException naming the file if it is missing, damaged or of another version
     */
    public static MnistEvaluator load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "MNIST classifier file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry(zip, PROPERTIES))) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            if (!Integer.toString(VERSION).equals(p.getProperty("version"))) {
                throw new IOException("classifier version " + p.getProperty("version") + ", this gan4j uses " + VERSION);
            }
            double accuracy = Double.parseDouble(p.getProperty("testAccuracy", "NaN"));
            if (!(accuracy >= 0 && accuracy <= 1)) {
                throw new IOException("no valid testAccuracy in " + PROPERTIES);
            }
            MultiLayerNetwork net;
            try (InputStream in = zip.getInputStream(entry(zip, NETWORK))) {
                net = ModelSerializer.restoreMultiLayerNetwork(in, false);
            }
            if (net.getnLayers() != 6 || net.numParams() != LeNet.build(SEED, 1, 1).numParams()) {
                throw new IOException("the network inside is not the MNIST classifier");
            }
            Gaussian features;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(entry(zip, FEATURES))))) {
                features = readGaussian(in);
            }
            return new MnistEvaluator(net, p, accuracy, features);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read the MNIST classifier (" + e.getMessage() + "). The file is"
                    + " damaged or not a gan4j MNIST classifier: delete it; the next evaluation trains a new one"
                    + " (a few minutes).", e);
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("no " + name + " inside");
        }
        return e;
    }

    /** Writes the classifier (without optimizer state), its settings and its test statistics to {@code file}, atomically. */
    public void save(Path file) throws IOException {
        StringWriter text = new StringWriter();
        info.store(text, "gan4j MNIST classifier for org.gan4j.eval.MnistEvaluator");
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, model, false);
        ByteArrayOutputStream features = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(features)) {
            writeGaussian(testFeatures, out);
        }
        AtomicFiles.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (var e : List.of(Map.entry(PROPERTIES, text.toString().getBytes(StandardCharsets.UTF_8)),
                    Map.entry(NETWORK, model.toByteArray()), Map.entry(FEATURES, features.toByteArray()))) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static void writeGaussian(Gaussian g, DataOutputStream out) throws IOException {
        int d = g.mean.length;
        out.writeInt(d);
        out.writeInt(g.count);
        for (double v : g.mean) {
            out.writeDouble(v);
        }
        for (double[] row : g.cov) {
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    private static Gaussian readGaussian(DataInputStream in) throws IOException {
        int d = in.readInt();
        int count = in.readInt();
        if (d != LeNet.FEATURES || count < 2) {
            throw new IOException("test statistics of dimension " + d + " over " + count + " images");
        }
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = in.readDouble();
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] = in.readDouble();
            }
        }
        return new Gaussian(mean, cov, count);
    }

    /** The classifier's accuracy on the 10,000 MNIST test images, measured when this evaluator was created. */
    public double testAccuracy() {
        return testAccuracy;
    }

    /** Scores with the default present share ({@value #DEFAULT_PRESENT_SHARE}). */
    public MnistScores score(INDArray images) {
        return score(images, DEFAULT_PRESENT_SHARE);
    }

    /**
     * Scores a set of images.
     *
     * @param images NCHW {@code [N, 1, 28, 28]} in [-1, 1] (white digit on black, as MNIST), N >= 2
     * @param presentShare share of the N images (0..1] a digit needs to count as present
     * @throws IllegalArgumentException for another shape or a share outside (0, 1]
     */
    public MnistScores score(INDArray images, double presentShare) {
        Objects.requireNonNull(images, "images");
        long[] s = images.shape();
        if (s.length != 4 || s[1] != 1 || s[2] != 28 || s[3] != 28 || s[0] < 2) {
            throw new IllegalArgumentException("need at least 2 images as [N, 1, 28, 28], got shape "
                    + java.util.Arrays.toString(s));
        }
        if (!(presentShare > 0 && presentShare <= 1)) {
            throw new IllegalArgumentException("present share must be in (0, 1], got " + presentShare);
        }
        LeNet.Outputs out = LeNet.run(net, images);
        int n = out.count();
        float[] p = out.probabilities();
        int[] counts = new int[10];
        int confident = 0;
        double[] marginal = new double[10];
        for (int i = 0; i < n; i++) {
            int top = argmax(p, i);
            counts[top]++;
            confident += p[i * 10 + top] >= CONFIDENT_PROBABILITY ? 1 : 0;
            for (int k = 0; k < 10; k++) {
                marginal[k] += p[i * 10 + k];
            }
        }
        for (int k = 0; k < 10; k++) {
            marginal[k] /= n;
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 10; k++) {
                double pk = p[i * 10 + k];
                if (pk > 0) { // p log p -> 0
                    kl += pk * (Math.log(pk) - Math.log(marginal[k]));
                }
            }
        }
        int present = 0;
        List<Integer> countList = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            present += counts[k] >= presentShare * n ? 1 : 0;
            countList.add(counts[k]);
        }
        double fd = Gaussian.fit(out.features(), n, LeNet.FEATURES).frechetDistance(testFeatures);
        return new MnistScores(n, countList, (double) confident / n, presentShare, present, Math.exp(kl / n), fd);
    }

    /**
     * The digit the classifier sees in each image (its most probable class), e.g. to check that a conditional
     * model draws the digit it was asked for.
     *
     * @param images NCHW {@code [N, 1, 28, 28]} in [-1, 1], N >= 1
     */
    public int[] classify(INDArray images) {
        Objects.requireNonNull(images, "images");
        long[] s = images.shape();
        if (s.length != 4 || s[1] != 1 || s[2] != 28 || s[3] != 28 || s[0] < 1) {
            throw new IllegalArgumentException("need images as [N, 1, 28, 28], got shape " + java.util.Arrays.toString(s));
        }
        float[] p = LeNet.run(net, images).probabilities();
        int[] classes = new int[(int) s[0]];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = argmax(p, i);
        }
        return classes;
    }

    /**
     * Reads a folder of 28x28 digit images as {@link #score} takes them: PNG (also JPEG, BMP, GIF), sorted by
     * name, white digit on black as MNIST and {@code gan sample} write them; 8-bit gray values 0..255 map to
     * [-1, 1], colour images are read as their luma (BT.601), 16-bit ones scaled to 8 bits, alpha dropped.
     *
     * @throws org.gan4j.datasets.image.DatasetException naming the folder or file if it holds no image, an
     *     image cannot be read or is not 28x28
     */
    public static INDArray readImages(Path folder) {
        return DigitFolder.read(folder);
    }

    static int argmax(float[] probabilities, int row) {
        int best = 0;
        for (int k = 1; k < 10; k++) {
            if (probabilities[row * 10 + k] > probabilities[row * 10 + best]) {
                best = k;
            }
        }
        return best;
    }

    private static void requireSplit(Mnist data, MnistSplit split, String what) {
        Objects.requireNonNull(data, what);
        if (data.split() != split || data.size() != split.size() || data.rows() != 28 || data.cols() != 28) {
            throw new IllegalArgumentException(what + " must be the MNIST " + split + " split (" + split.size()
                    + " images 28x28), got " + data);
        }
    }
}
