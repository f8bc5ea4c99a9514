package org.gan4j.examples.cli;


import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.image.ImageMetrics;
import org.gan4j.core.report.EvaluationResult;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.datasets.DataSpecs;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.models.i2i.ImageTranslator;
import org.gan4j.models.i2i.Translator;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan evaluate paired}. */
@Command(name = "paired", mixinStandardHelpOptions = true,
        description = {"L1, PSNR and SSIM between G(A) and B over a split of a paired dataset, next to the identity "
                + "baseline (A compared with B). Images are resized to the model's training size."})
public final class PairedEvaluateCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, folder of checkpoints, or run folder")
    Path checkpoint;

    @Option(names = "--data", required = true, description = "paired dataset root (train/, val/ of A|B images)")
    Path data;

    @Option(names = "--split", description = "subfolder to evaluate (default: ${DEFAULT-VALUE})")
    String split = "val";

    @Option(names = "--size", converter = NumericOptions.Positive.class, description = "image size (default: the model's training size)")
    Integer size;

    @Option(names = "--seed", description = "seed of the test-time dropout (default: ${DEFAULT-VALUE})")
    long seed = 1;

    /** Mean metrics over the pairs, for G(A) and for the identity baseline. */
    record Result(int pairs, double[] model, double[] identity) {}

    @Override
    public Integer call() throws Exception {
        Checkpoint cp = Checkpoint.read(checkpoint);
        GanVariant v = cp.restoreVariant();
        Result r = evaluate(Translator.of(cp, v, false), v.data(), data, split, size, seed);
        System.out.printf(Locale.ROOT, "%d pairs in %s%n", r.pairs(), data.resolve(split));
        System.out.printf(Locale.ROOT, "%-20s %8s %10s %8s%n", "", "L1", "PSNR (dB)", "SSIM");
        System.out.printf(Locale.ROOT, "%-20s %8.4f %10.2f %8.4f%n", "G(A) vs B", r.model()[0], r.model()[1], r.model()[2]);
        System.out.printf(Locale.ROOT, "%-20s %8.4f %10.2f %8.4f%n", "A vs B (identity)", r.identity()[0],
                r.identity()[1], r.identity()[2]);
        StoredEvaluations.save(checkpoint, new EvaluationResult("paired", "G(A) against B on held-out pairs",
                r.pairs() + " pairs in " + data.resolve(split) + ", " + cp.file() + " (iteration " + cp.iteration() + "), dropout seed " + seed,
                List.of("L1", "PSNR (dB)", "SSIM"), List.of(new EvaluationResult.Row("G(A) vs B", doubles(r.model())),
                        new EvaluationResult.Row("A vs B (identity)", doubles(r.identity()))), List.of()));
        return 0;
    }

    private static List<Double> doubles(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    /**
     * @param spec the model's training data: a {@link DataSpec.PairedFolder} gives the direction the files are
     *     read in and the default size; other models translate the left halves at size 256 unless told
     */
    static Result evaluate(Translator t, DataSpec spec, Path root, String split, Integer size, long seed) {
        ImageTranslator m = t.model();
        DataSpec.PairedFolder paired = spec instanceof DataSpec.PairedFolder p ? p : null;
        int s = size != null ? size : paired != null ? paired.imageSize() : 256;
        PairedImageDataset ds = DataSpecs.testPairs(root, split, m.inputChannels(), m.outputChannels(),
                paired != null && paired.reverse(), s, 1);
        double[] model = new double[3];
        double[] identity = new double[3];
        Nd4j.getRandom().setSeed(seed);
        int n = 0;
        try (var stream = ds.epoch(seed, 0, 0)) {
            while (stream.hasNext()) {
                Batch b = stream.next();
                add(model, ImageMetrics.meanOverBatch(t.translate(b.a()), b.b()));
                add(identity, ImageMetrics.meanOverBatch(b.a(), b.b()));
                n++;
            }
        }
        for (int i = 0; i < 3; i++) {
            model[i] /= n;
            identity[i] /= n;
        }
        return new Result(n, model, identity);
    }

    private static void add(double[] sums, double[] pair) {
        for (int i = 0; i < 3; i++) {
            sums[i] += pair[i];
        }
    }
}
