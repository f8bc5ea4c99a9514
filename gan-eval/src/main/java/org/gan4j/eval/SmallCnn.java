package org.gan4j.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.layers.Convolution2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small CNN behind the translation scores, fast on a CPU: conv 5x5 stride 2 (16) + ReLU, conv 3x3 stride 2
 * (32) + ReLU, conv 3x3 stride 2 (64) + ReLU (64x64 -> 32 -> 16 -> 8), global average pooling, dense 64 + ReLU
 * (the features), dense softmax over the classes. Adam lr 1e-3, batch 32, He init,
 * seeded initialisation and batch order, so training is repeatable.
 */
final class SmallCnn {
    static final int FEATURES = 64;
    static final int BATCH = 32;
    /**
     * A two-sample classifier trains for at least this many iterations (small sets get more epochs), and at most
     * {@link #MAX_EPOCHS} epochs.
     */
    static final int TWO_SAMPLE_MIN_ITERATIONS = 200;
    /**
     * The same for the scoring classifiers (domain, classes), trained once per dataset and cached: long enough that
     * they recognise real images well (at 200 iterations sneakers vs ankle boots reached only 91 % held out).
     */
    static final int SCORING_MIN_ITERATIONS = 3000;
    static final int MIN_EPOCHS = 2;
    static final int MAX_EPOCHS = 30;
    private static final int FEATURE_ACTIVATIONS = 5;
    private static final int PROBABILITIES = 6;
    private static final int INFERENCE_BATCH = 200;
    private static final String PROPERTIES = "classifier.properties";
    private static final String NETWORK = "network.zip";

    final MultiLayerNetwork net;
    final Properties info;

    SmallCnn(MultiLayerNetwork net, Properties info) {
        this.net = net;
        this.info = info;
    }

    static MultiLayerNetwork build(long seed, int channels, int size, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new Convolution2D.Builder(5, 5).stride(2, 2).nOut(16).activation(Activation.RELU).build())
                .layer(new Convolution2D.Builder(3, 3).stride(2, 2).nOut(32).activation(Activation.RELU).build())
                .layer(new Convolution2D.Builder(3, 3).stride(2, 2).nOut(64).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(size, size, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Epochs for {@code examples} training images: at least {@code minIterations} iterations, within the bounds. */
    static int epochsFor(int examples, int minIterations) {
        int batches = (examples + BATCH - 1) / BATCH;
        return Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, (minIterations + batches - 1) / batches));
    }

    /**
     * Trains a new classifier on {@code images} ({@code [N, C, S, S]} in [-1, 1]) with class indices
     * {@code labels} (0 .. classes-1) for at least {@code minIterations} iterations ({@link #epochsFor}), seeded:
     * the same inputs give the same network.
     */
    static SmallCnn train(INDArray images, int[] labels, int classes, long seed, int minIterations) {
        int n = labels.length;
        if (images.size(0) != n || n < 2) {
            throw new IllegalArgumentException("need at least 2 labelled images, got " + images.size(0) + " images and "
                    + n + " labels");
        }
        int epochs = epochsFor(n, minIterations);
        MultiLayerNetwork net = build(seed, (int) images.size(1), (int) images.size(2), classes);
        Nd4j.getRandom().setSeed(seed);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = permutation(n, rng);
            for (int from = 0; from + 1 < n; from += BATCH) { // a last batch of one is skipped
                int to = Math.min(n, from + BATCH);
                int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                INDArray x = TranslationEvaluator.rows(images, idx);
                INDArray y = Nd4j.zeros(DataType.FLOAT, idx.length, classes);
                for (int j = 0; j < idx.length; j++) {
                    y.putScalar(j, labels[idx[j]], 1f);
                }
                net.fit(x, y);
            }
        }
        Properties p = new Properties();
        p.setProperty("classes", Integer.toString(classes));
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("trainingImages", Integer.toString(n));
        p.setProperty("seed", Long.toString(seed));
        return new SmallCnn(net, p);
    }

    /** A seeded random permutation of 0..n-1. */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Class probabilities ({@code [N*classes]}) and features ({@code [N*FEATURES]}), row after row. */
    record Outputs(int count, int classes, float[] probabilities, float[] features) {
        int predicted(int row) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (probabilities[row * classes + k] > probabilities[row * classes + best]) {
                    best = k;
                }
            }
            return best;
        }

        /** Share of the rows predicted as {@code label}. */
        double share(int label) {
            int hits = 0;
            for (int i = 0; i < count; i++) {
                hits += predicted(i) == label ? 1 : 0;
            }
            return (double) hits / count;
        }
    }

    /** Runs {@code images} through the network in inference mode. */
    Outputs run(INDArray images) {
        int n = (int) images.size(0);
        int classes = (int) net.getLayer(PROBABILITIES - 1).getParam("b").length();
        float[] probs = new float[n * classes];
        float[] feats = new float[n * FEATURES];
        for (int from = 0; from < n; from += INFERENCE_BATCH) {
            int to = Math.min(n, from + INFERENCE_BATCH);
            INDArray x = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            List<INDArray> acts = net.feedForward(x.castTo(DataType.FLOAT), false);
            copy(acts.get(PROBABILITIES), probs, from * classes);
            copy(acts.get(FEATURE_ACTIVATIONS), feats, from * FEATURES);
        }
        return new Outputs(n, classes, probs, feats);
    }

    private static void copy(INDArray a, float[] out, int offset) {
        float[] v = a.dup('c').data().asFloat();
        System.arraycopy(v, 0, out, offset, v.length);
    }

    /** Writes the network (without optimizer state) and its properties to {@code file}, atomically. */
    void save(Path file) throws IOException {
        StringWriter text = new StringWriter();
        info.store(text, "gan4j translation-evaluation classifier");
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, model, false);
        AtomicFiles.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (var e : List.of(Map.entry(PROPERTIES, text.toString().getBytes(StandardCharsets.UTF_8)),
                    Map.entry(NETWORK, model.toByteArray()))) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads a classifier written by {@link #save}.
     *
     * @throws IOException naming the file, and saying to delete it, if it cannot be read
     */
    static SmallCnn load(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry(zip, PROPERTIES))) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            MultiLayerNetwork net;
            try (InputStream in = zip.getInputStream(entry(zip, NETWORK))) {
                net = ModelSerializer.restoreMultiLayerNetwork(in, false);
            }
            return new SmallCnn(net, p);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read the cached classifier (" + e.getMessage() + "): delete the"
                    + " file; the next evaluation trains it again", e);
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("no " + name + " inside");
        }
        return e;
    }
}
