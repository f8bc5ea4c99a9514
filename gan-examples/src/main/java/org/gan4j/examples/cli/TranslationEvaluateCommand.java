package org.gan4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.report.EvaluationResult;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.eval.TranslationData;
import org.gan4j.eval.TranslationEvaluator;
import org.gan4j.eval.TranslationScores;
import org.gan4j.models.i2i.ImageTranslator;
import org.gan4j.models.i2i.Translator;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan evaluate translation}. */
@Command(name = "translation", mixinStandardHelpOptions = true,
        description = {"Whether an image-to-image model (pix2pix, cyclegan, discogan, plug-ins) translates, scored "
                + "by small classifiers trained on the real images of the data's training split (cached): the "
                + "share of translations the domain classifier takes for the target domain, the share keeping "
                + "the source's class (with labels.csv), a two-sample test (50 %% = indistinguishable from "
                + "real), a Frechet distance on the classifier's features, L1/PSNR/SSIM against the truth "
                + "(paired data) and the cycle L1 (two-way models), each beside the untranslated inputs and "
                + "real target images. See docs/evaluation.md."})
public final class TranslationEvaluateCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, folder of checkpoints, or run folder")
    Path checkpoint;

    @Option(names = "--data", required = true, description = "train/ + val/ of A|B pairs (edges2shoes layout) or trainA/, trainB/, testA/, testB/ (monet2photo layout)")
    Path data;

    @Option(names = "--split", description = "evaluation split (default: val for paired data, else test)")
    String split;

    @Option(names = "--n", converter = NumericOptions.Positive.class, description = "at most this many source images per direction (default: ${DEFAULT-VALUE})")
    int n = 1000;

    @Option(names = "--seed", description = "seed of the classifiers, the image choice and test-time dropout (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--cache", description = "folder of the cached classifiers (default: $XDG_CACHE_HOME/gan4j/translation-eval or ~/.cache/gan4j/translation-eval)")
    Path cache;

    @Override
    public Integer call() throws Exception {
        Checkpoint cp = Checkpoint.read(checkpoint);
        GanVariant v = cp.restoreVariant();
        Translator forward = Translator.of(cp, v, false);
        Optional<Translator> backward = forward.reverse();
        ImageTranslator m = forward.model();
        TranslationData d = TranslationData.read(data, split, m.inputChannels(), m.outputChannels(), imageSize(v.data()),
                v.data() instanceof DataSpec.PairsAsUnpaired p && p.thickenEdges());
        TranslationEvaluator e = TranslationEvaluator.prepare(d, cache != null ? cache : TranslationEvaluator.defaultCacheDir(), seed);
        List<TranslationScores> scores = new ArrayList<>();
        UnaryOperator<INDArray> back = backward.isPresent() ? backward.get()::translate : null;
        scores.add(e.evaluate(true, forward::translate, back, n));
        if (back != null) {
            scores.add(e.evaluate(false, back, forward::translate, n));
        }
        String details = String.format(Locale.ROOT, "%s (%s, iteration %d) on %s, split %s (%s, %dx%d), seed %d",
                cp.file(), cp.variantName(), cp.iteration(), data, d.split(), d.layout().name().toLowerCase(Locale.ROOT),
                d.imageSize(), d.imageSize(), seed);
        System.out.println(details);
        for (TranslationEvaluator.Classifier c : e.classifiers()) {
            System.out.printf(Locale.ROOT, "classifier %-16s %5d training images, held-out accuracy %5.1f %% (%d images)%s%n",
                    c.name(), c.trainingImages(), 100 * c.heldOutAccuracy(), c.heldOutImages(), c.reused() ? ", cached" : "");
        }
        List<EvaluationResult.Row> rows = new ArrayList<>();
        for (TranslationScores s : scores) {
            String source = s.direction().substring(0, 1);
            String target = s.direction().substring(3);
            System.out.println();
            System.out.printf(Locale.ROOT, "%s: %d images of %s translated into %s%n", s.direction(), s.images(), source, target);
            System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s %8s %8s %8s %9s%n", "", "target %", "content %",
                    "2-sample %", "Frechet", "L1", "PSNR", "SSIM", "cycle L1");
            Object[][] lines = {{s.direction() + " translated", s.translated(), s.cycleL1()},
                {source + " untranslated", s.input(), Double.NaN}, {"real " + target, s.realTarget(), Double.NaN}};
            for (Object[] line : lines) {
                TranslationScores.Scores r = (TranslationScores.Scores) line[1];
                double cycle = (Double) line[2];
                System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s %8s %8s %8s %9s%n", line[0], pct(r.targetDomainShare()),
                        pct(r.contentKept()), pct(r.twoSampleAccuracy()), num(r.frechetDistance(), "%.2f"), num(r.l1(), "%.4f"),
                        num(r.psnr(), "%.2f"), num(r.ssim(), "%.4f"), num(cycle, "%.4f"));
                rows.add(new EvaluationResult.Row((String) line[0], List.of(100 * r.targetDomainShare(), 100 * r.contentKept(),
                        100 * r.twoSampleAccuracy(), r.frechetDistance(), r.l1(), r.psnr(), r.ssim(), cycle)));
            }
        }
        System.out.println();
        System.out.println("target %: share classified as the target domain; content %: share keeping the source's label;"
                + " 2-sample %: real vs these told apart (50 = indistinguishable); Frechet: to real target features"
                + " (real row: two halves of real images); see docs/evaluation.md");
        StoredEvaluations.save(checkpoint, new EvaluationResult("translation", "Translation scores (classifiers trained on real images)",
                details, List.of("target domain %", "content kept %", "two-sample %", "Frechet", "L1", "PSNR (dB)", "SSIM", "cycle L1"),
                rows, List.of()));
        return 0;
    }

    /** The image size the model was trained at, or 0 (the data's own) for data kinds without one. */
    static int imageSize(DataSpec spec) {
        if (spec instanceof DataSpec.PairedFolder p) {
            return p.imageSize();
        } else if (spec instanceof DataSpec.UnpairedFolders u) {
            return u.imageSize();
        } else if (spec instanceof DataSpec.PairsAsUnpaired p) {
            return p.imageSize();
        }
        return 0;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }
}
