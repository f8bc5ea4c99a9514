package org.gan4j.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.gan4j.core.image.ImageMetrics;
import org.gan4j.core.image.ImageTensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether an image-to-image translation worked, with small CNN classifiers trained on real images of the
 * task ({@link TranslationData}) and baselines beside every score (see {@link TranslationScores}):
 * <ul>
 *   <li><b>target domain</b>: a domain classifier (A vs B, trained on the training split) gives the share of the
 *   translations it takes for the target domain; also for the untranslated inputs (near 0) and real target images
 *   (near 1, its accuracy);</li>
 *   <li><b>content kept</b> (with labels): a class classifier trained on the target domain's labelled training
 *   images gives the share of translations whose class is the source image's label;</li>
 *   <li><b>two-sample test</b>: a fresh classifier is trained to tell real target images from the translations on
 *   one half of each and tested on the other half: 50 % means indistinguishable;</li>
 *   <li><b>Fréchet distance</b> between Gaussian fits of the domain classifier's 64 features of translations and of
 *   real target images; the baseline is the distance between two halves of the real target images;</li>
 *   <li>paired data: L1, PSNR and SSIM against the true target ({@link ImageMetrics#meanOverBatch});</li>
 *   <li>two-way models: the cycle L1 of a round trip.</li>
 * </ul>
 * The domain and class classifiers are trained once per dataset, seed and recipe and cached in a folder under a
 * hash of the training images ({@link TranslationData}); 10 % of the training images are held out to report their
 * accuracy. Everything is seeded: the same inputs give the same scores.
 */
public final class TranslationEvaluator {
    /** Version of the classifier recipe, part of the cache file names. */
    public static final int VERSION = 2;
    /** Every tenth training image (of a seeded shuffle) is held out to measure a classifier's accuracy. */
    static final int HOLD_OUT_EVERY = 10;
    private static final int TRANSLATE_BATCH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(TranslationEvaluator.class);

    /**
     * A trained scoring classifier and its accuracy on held-out training images.
     *
     * @param name e.g. "domain (A vs B)", "classes of B"
     * @param trainingImages images it was trained on
     * @param heldOutImages images held out from training
     * @param heldOutAccuracy its accuracy on those (0..1)
     * @param file where it is cached
     * @param reused whether it was read from the cache rather than trained now
     */
    public record Classifier(String name, int trainingImages, int heldOutImages, double heldOutAccuracy, Path file,
            boolean reused) {}

    private final TranslationData data;
    private final long seed;
    private final int channels;
    private final SmallCnn domain;
    private final SmallCnn[] classes; // [A, B], null entries without labels
    private final List<List<String>> classNames;
    private final List<Classifier> classifiers;

    private TranslationEvaluator(TranslationData data, long seed, int channels, SmallCnn domain, SmallCnn[] classes,
            List<List<String>> classNames, List<Classifier> classifiers) {
        this.data = data;
        this.seed = seed;
        this.channels = channels;
        this.domain = domain;
        this.classes = classes;
        this.classNames = classNames;
        this.classifiers = List.copyOf(classifiers);
    }

    /** {@code $XDG_CACHE_HOME/gan4j/translation-eval}, else {@code ~/.cache/gan4j/translation-eval}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gan4j").resolve("translation-eval");
    }

    /**
     * Loads the classifiers for {@code data} from {@code cacheDir}, training (and caching, atomically) those that
     * are not there: the domain classifier, and with labels one class classifier per domain.
     *
     * @throws IOException if a cached file cannot be read (the message names it) or the cache cannot be written
     */
    public static TranslationEvaluator prepare(TranslationData data, Path cacheDir, long seed) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cacheDir, "cacheDir");
        TranslationData.Side a = data.train(true);
        TranslationData.Side b = data.train(false);
        int c = (int) Math.max(a.images().size(1), b.images().size(1));
        List<Classifier> report = new ArrayList<>();
        String prefix = "translation-v" + VERSION + "-" + data.fingerprint() + "-seed" + seed + "-";
        INDArray both = Nd4j.concat(0, ImageTensors.withChannels(a.images(), c), ImageTensors.withChannels(b.images(), c));
        int[] domainLabels = new int[a.size() + b.size()];
        Arrays.fill(domainLabels, a.size(), domainLabels.length, 1);
        SmallCnn domain = cached(cacheDir.resolve(prefix + "domain.zip"), "domain (A vs B)", both, domainLabels,
                List.of("A", "B"), seed, report);
        SmallCnn[] classes = new SmallCnn[2];
        List<List<String>> names = new ArrayList<>(List.of(List.of(), List.of()));
        if (data.labelled()) {
            for (int side = 0; side < 2; side++) {
                TranslationData.Side s = side == 0 ? a : b;
                List<String> n = new ArrayList<>(new TreeSet<>(Arrays.asList(s.labels())));
                if (n.size() < 2) {
                    LOG.warn("{} of the training images of domain {} have one class only ({}): no content score into it",
                            TranslationData.LABELS_FILE, side == 0 ? "A" : "B", n);
                    continue;
                }
                int[] idx = new int[s.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = n.indexOf(s.labels()[i]);
                }
                String d = side == 0 ? "A" : "B";
                classes[side] = cached(cacheDir.resolve(prefix + "classes-" + d + ".zip"), "classes of " + d, s.images(),
                        idx, n, seed + 1 + side, report);
                names.set(side, n);
            }
        }
        return new TranslationEvaluator(data, seed, c, domain, classes, names, report);
    }

    /** Reads a cached classifier, or trains one on all but the held-out images and caches it. */
    private static SmallCnn cached(Path file, String name, INDArray images, int[] labels, List<String> classNames,
            long seed, List<Classifier> report) throws IOException {
        if (Files.isRegularFile(file)) {
            SmallCnn net = SmallCnn.load(file);
            Properties p = net.info;
            report.add(new Classifier(name, Integer.parseInt(p.getProperty("trainingImages", "0")),
                    Integer.parseInt(p.getProperty("heldOutImages", "0")),
                    Double.parseDouble(p.getProperty("heldOutAccuracy", "NaN")), file, true));
            return net;
        }
        int n = labels.length;
        int[] order = SmallCnn.permutation(n, new SplittableRandom(seed));
        int held = (n + HOLD_OUT_EVERY - 1) / HOLD_OUT_EVERY;
        int[] heldOut = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, n);
        Arrays.sort(heldOut);
        Arrays.sort(train);
        long start = System.nanoTime();
        LOG.info("training the {} classifier on {} images (cached in {})", name, train.length, file);
        SmallCnn net = SmallCnn.train(rows(images, train), pick(labels, train), classNames.size(), seed,
                SmallCnn.SCORING_MIN_ITERATIONS);
        SmallCnn.Outputs out = net.run(rows(images, heldOut));
        int correct = 0;
        for (int i = 0; i < held; i++) {
            correct += out.predicted(i) == labels[heldOut[i]] ? 1 : 0;
        }
        double accuracy = (double) correct / held;
        net.info.setProperty("name", name);
        net.info.setProperty("heldOutImages", Integer.toString(held));
        net.info.setProperty("heldOutAccuracy", Double.toString(accuracy));
        net.info.setProperty("trainingSeconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        for (int k = 0; k < classNames.size(); k++) {
            net.info.setProperty("class." + k, classNames.get(k));
        }
        net.save(file);
        report.add(new Classifier(name, train.length, held, accuracy, file, false));
        return net;
    }

    /** The scoring classifiers, with their held-out accuracies. */
    public List<Classifier> classifiers() {
        return classifiers;
    }

    /** The data this evaluator scores on. */
    public TranslationData data() {
        return data;
    }

    /**
     * Scores one direction.
     *
     * @param fromA true for A->B (sources from domain A), false for B->A
     * @param translate the model in this direction: NCHW in [-1, 1] (source channels) to the same size (target
     *     channels); called on batches of the evaluation split
     * @param back the opposite direction for the cycle L1, or null for a one-way model
     * @param maxImages at most this many source images (a seeded choice), at least 8
     * @throws IllegalArgumentException if the split is too small, or the translator returns another shape
     */
    public TranslationScores evaluate(boolean fromA, UnaryOperator<INDArray> translate, UnaryOperator<INDArray> back,
            int maxImages) {
        Objects.requireNonNull(translate, "translate");
        TranslationData.Side src = data.eval(fromA);
        TranslationData.Side tgt = data.eval(!fromA);
        String direction = fromA ? "A->B" : "B->A";
        int n = Math.min(maxImages, src.size());
        boolean paired = data.layout() == TranslationData.Layout.PAIRED;
        int m = paired ? n / 2 : Math.min(n, tgt.size());
        if (m < 4) {
            throw new IllegalArgumentException(data.root() + ": " + direction + " needs at least " + (paired ? 8 : 4)
                    + " images of each domain in the evaluation split '" + data.split() + "' for the two-sample test, got "
                    + src.size() + " and " + tgt.size() + (maxImages < src.size() ? " (limited to " + maxImages + ")" : "")
                    + ": add images, or raise the limit");
        }
        SplittableRandom rng = new SplittableRandom(seed ^ (fromA ? 0xa : 0xb));
        int[] chosen = Arrays.copyOf(SmallCnn.permutation(src.size(), rng), n);
        INDArray x = rows(src.images(), chosen);
        long targetChannels = tgt.images().size(1);
        Nd4j.getRandom().setSeed(seed);
        INDArray fx = translateAll(translate, x);
        long[] want = {n, targetChannels, x.size(2), x.size(3)};
        if (!Arrays.equals(fx.shape(), want)) {
            throw new IllegalArgumentException(direction + ": the translator returned images of shape "
                    + Arrays.toString(fx.shape()) + ", expected " + Arrays.toString(want) + " (the target domain's"
                    + " channels at the input size)");
        }
        int targetIndex = fromA ? 1 : 0;

        // target domain: the domain classifier's verdicts
        double[] domainShare = {
            domain.run(ImageTensors.withChannels(fx, channels)).share(targetIndex),
            domain.run(ImageTensors.withChannels(x, channels)).share(targetIndex),
            domain.run(ImageTensors.withChannels(tgt.images(), channels)).share(targetIndex)};

        // content: the target domain's class classifier against the source labels
        double[] content = {Double.NaN, Double.NaN, Double.NaN};
        SmallCnn cls = classes[targetIndex];
        if (cls != null && src.labels() != null) {
            List<String> names = classNames.get(targetIndex);
            String[] sourceLabels = new String[n];
            for (int i = 0; i < n; i++) {
                sourceLabels[i] = src.labels()[chosen[i]];
            }
            content[0] = agreement(cls.run(fx), names, sourceLabels);
            content[1] = agreement(cls.run(ImageTensors.withChannels(x, (int) targetChannels)), names, sourceLabels);
            content[2] = agreement(cls.run(tgt.images()), names, tgt.labels());
        }

        // realism: real target images R against translations F and inputs S, equal sets of m, halves of k
        int[] realIdx;
        int[] fakePos; // positions in chosen / x / fx
        if (paired) { // disjoint pairs, so that no translation meets its own target
            realIdx = Arrays.copyOfRange(chosen, 0, m);
            fakePos = range(n - m, n);
        } else {
            realIdx = Arrays.copyOf(SmallCnn.permutation(tgt.size(), new SplittableRandom(seed ^ 0x7)), m);
            fakePos = range(0, m);
        }
        int k = m / 2;
        INDArray real = rows(tgt.images(), realIdx);
        INDArray fakes = rows(fx, fakePos);
        INDArray inputs = ImageTensors.withChannels(rows(x, fakePos), (int) targetChannels);
        INDArray r1 = rows(real, range(0, k));
        INDArray r2 = rows(real, range(k, 2 * k));
        double[] twoSample = {TwoSampleTest.accuracy(r1, rows(fakes, range(0, k)), r2, rows(fakes, range(k, 2 * k))),
            TwoSampleTest.accuracy(r1, rows(inputs, range(0, k)), r2, rows(inputs, range(k, 2 * k))), Double.NaN};
        Gaussian realFit = features(r2);
        double[] frechet = {features(rows(fakes, range(k, 2 * k))).frechetDistance(realFit),
            features(rows(inputs, range(k, 2 * k))).frechetDistance(realFit), features(r1).frechetDistance(realFit)};

        // paired data: against the true target
        double[] model = {Double.NaN, Double.NaN, Double.NaN};
        double[] identity = {Double.NaN, Double.NaN, Double.NaN};
        if (paired) {
            INDArray truth = rows(tgt.images(), chosen);
            model = ImageMetrics.meanOverBatch(fx, truth);
            identity = ImageMetrics.meanOverBatch(x, truth);
        }
        double cycle = Double.NaN;
        if (back != null) {
            Nd4j.getRandom().setSeed(seed + 1);
            cycle = ImageMetrics.meanOverBatch(translateAll(back, fx), x)[0];
        }
        return new TranslationScores(direction, n,
                new TranslationScores.Scores(domainShare[0], content[0], twoSample[0], frechet[0], model[0], model[1], model[2]),
                new TranslationScores.Scores(domainShare[1], content[1], twoSample[1], frechet[1], identity[0], identity[1],
                        identity[2]),
                new TranslationScores.Scores(domainShare[2], content[2], twoSample[2], frechet[2], Double.NaN, Double.NaN,
                        Double.NaN),
                cycle);
    }

    private Gaussian features(INDArray images) {
        SmallCnn.Outputs out = domain.run(ImageTensors.withChannels(images, channels));
        return Gaussian.fit(out.features(), out.count(), SmallCnn.FEATURES);
    }

    private static double agreement(SmallCnn.Outputs out, List<String> names, String[] labels) {
        int hits = 0;
        for (int i = 0; i < out.count(); i++) {
            hits += names.get(out.predicted(i)).equals(labels[i]) ? 1 : 0;
        }
        return (double) hits / out.count();
    }

    private static INDArray translateAll(UnaryOperator<INDArray> translate, INDArray x) {
        int n = (int) x.size(0);
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < n; from += TRANSLATE_BATCH) {
            parts.add(translate.apply(rows(x, range(from, Math.min(n, from + TRANSLATE_BATCH)))).castTo(DataType.FLOAT));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /** The images {@code idx} of an NCHW batch, as a new array. */
    static INDArray rows(INDArray images, int[] idx) {
        long[] shape = images.shape().clone();
        shape[0] = idx.length;
        INDArray flat = images.castTo(DataType.FLOAT).reshape('c', images.size(0), -1);
        return Nd4j.pullRows(flat, 1, idx).reshape('c', shape);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] pick(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
