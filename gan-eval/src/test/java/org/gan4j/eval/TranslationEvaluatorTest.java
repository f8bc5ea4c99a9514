package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gan4j.core.image.ImageMetrics;
import org.gan4j.datasets.image.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The translation evaluator on discs (A) and squares (B) of two colours (the labels), with fake translators. */
class TranslationEvaluatorTest {
    @TempDir
    static Path dir;

    static TranslationData unpaired;
    static TranslationEvaluator evaluator;
    static Path cache;

    @BeforeAll
    static void prepare() throws Exception {
        unpaired = TranslationData.read(TranslationTestData.unpaired(dir.resolve("shapes"), 120, 40, true, 1), null, 3, 3, 0,
                false);
        cache = dir.resolve("cache");
        evaluator = TranslationEvaluator.prepare(unpaired, cache, 5);
    }

    /** A translator that ignores its input and returns real training images of B, in turn. */
    static UnaryOperator<INDArray> realB(TranslationData data) {
        INDArray pool = data.train(false).images();
        int[] next = {0};
        return x -> {
            int n = (int) x.size(0);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = next[0]++ % (int) pool.size(0);
            }
            return TranslationEvaluator.rows(pool, idx);
        };
    }

    @Test
    void domainClassifierSeparatesTheDomains() {
        List<TranslationEvaluator.Classifier> cs = evaluator.classifiers();
        assertEquals(List.of("domain (A vs B)", "classes of A", "classes of B"), cs.stream().map(c -> c.name()).toList());
        for (TranslationEvaluator.Classifier c : cs) {
            assertTrue(c.heldOutAccuracy() > 0.95, c.toString());
            assertEquals(c.name().startsWith("domain") ? 24 : 12, c.heldOutImages(), c.toString()); // a tenth
        }
    }

    @Test
    void identityTranslatorScoresExactlyTheUntranslatedBaseline() {
        TranslationScores s = evaluator.evaluate(true, x -> x.dup(), null, 1000);
        assertEquals(40, s.images());
        assertEquals(s.input(), s.translated());
        assertTrue(s.input().targetDomainShare() < 0.05, s.toString());
        assertTrue(s.realTarget().targetDomainShare() > 0.95, s.toString());
        assertTrue(s.input().twoSampleAccuracy() > 0.9, "discs are easily told from squares: " + s);
        assertTrue(s.realTarget().contentKept() > 0.95, "the class classifier reads real squares: " + s);
        assertTrue(Double.isNaN(s.cycleL1()) && Double.isNaN(s.translated().l1()), "one-way, unpaired: " + s);
        assertTrue(Double.isNaN(s.realTarget().twoSampleAccuracy()));
    }

    @Test
    void realTargetImagesScoreAsTargetAndIndistinguishable() {
        TranslationScores s = evaluator.evaluate(true, realB(unpaired), null, 1000);
        assertTrue(s.translated().targetDomainShare() > 0.95, s.toString());
        assertTrue(Math.abs(s.translated().twoSampleAccuracy() - 0.5) <= 0.2, s.toString());
        assertTrue(s.translated().frechetDistance() < s.input().frechetDistance() / 5, s.toString());
    }

    @Test
    void constantGreyIsToldFromRealImages() {
        TranslationScores s = evaluator.evaluate(true, x -> Nd4j.zerosLike(x), null, 1000);
        assertTrue(s.translated().twoSampleAccuracy() > 0.95, s.toString());
        assertTrue(s.translated().frechetDistance() > 5 * s.realTarget().frechetDistance(), s.toString());
    }

    @Test
    void contentKeptIsTheShareOfSourcesWhoseLabelTheTranslationHas() {
        // every disc becomes the same real red square: content is kept exactly for the red discs
        INDArray pool = unpaired.train(false).images();
        int red = List.of(unpaired.train(false).labels()).indexOf("red");
        UnaryOperator<INDArray> allRed = x -> TranslationEvaluator.rows(pool, new int[(int) x.size(0)]).muli(0)
                .addi(TranslationEvaluator.rows(pool, new int[] {red}));
        TranslationScores s = evaluator.evaluate(true, allRed, null, 1000);
        long redSources = Stream.of(unpaired.eval(true).labels()).filter("red"::equals).count();
        assertTrue(redSources > 5 && redSources < 35, "a mix of colours: " + redSources);
        assertEquals((double) redSources / 40, s.translated().contentKept(), 1e-12, s.toString());
        assertEquals(1.0, s.translated().targetDomainShare(), s.toString());
    }

    @Test
    void exactInversePairHasZeroCycleLoss() {
        TranslationScores s = evaluator.evaluate(false, x -> x.neg(), x -> x.neg(), 20);
        assertEquals("B->A", s.direction());
        assertEquals(20, s.images());
        assertEquals(0.0, s.cycleL1());
    }

    @Test
    void secondPreparationReusesTheCachedClassifiers() throws Exception {
        List<Path> files;
        try (Stream<Path> f = Files.list(cache)) {
            files = f.sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        TranslationEvaluator again = TranslationEvaluator.prepare(unpaired, cache, 5);
        assertTrue(again.classifiers().stream().allMatch(TranslationEvaluator.Classifier::reused));
        for (int i = 0; i < 3; i++) {
            assertEquals(evaluator.classifiers().get(i).heldOutAccuracy(), again.classifiers().get(i).heldOutAccuracy());
        }
        UnaryOperator<INDArray> flip = x -> x.neg();
        assertEquals(evaluator.evaluate(true, flip, null, 24), again.evaluate(true, flip, null, 24));
        TranslationEvaluator otherSeed = TranslationEvaluator.prepare(unpaired, cache, 6);
        assertTrue(otherSeed.classifiers().stream().noneMatch(TranslationEvaluator.Classifier::reused));
    }

    @Test
    void pairedDataAddsTheFullReferenceScores() throws Exception {
        TranslationData paired = TranslationData.read(TranslationTestData.paired(dir.resolve("pairs"), 60, 16, false, 2),
                null, 3, 3, 32, false);
        assertEquals(TranslationData.Layout.PAIRED, paired.layout());
        assertEquals("val", paired.split());
        TranslationEvaluator e = TranslationEvaluator.prepare(paired, dir.resolve("cache-paired"), 1);
        assertEquals(1, e.classifiers().size(), "no labels: the domain classifier only");
        TranslationScores s = e.evaluate(true, x -> x.dup(), null, 1000);
        assertEquals(s.input(), s.translated());
        assertTrue(Double.isNaN(s.translated().contentKept()));
        INDArray a = paired.eval(true).images();
        INDArray b = paired.eval(false).images();
        // the chosen order differs from name order, but the mean over all pairs does not
        double[] identity = ImageMetrics.meanOverBatch(a, b);
        assertEquals(identity[0], s.input().l1(), 1e-9);
        assertEquals(identity[2], s.input().ssim(), 1e-9);
    }

    @Test
    void badInputsGiveClearMessages() throws Exception {
        DatasetException missing = assertThrows(DatasetException.class,
                () -> TranslationData.read(dir.resolve("nothing"), null, 3, 3, 0, false));
        assertTrue(missing.getMessage().contains("nothing") && missing.getMessage().contains("trainA"), missing.getMessage());

        DatasetException size = assertThrows(DatasetException.class,
                () -> TranslationData.read(dir.resolve("shapes"), null, 3, 3, 64, false));
        assertTrue(size.getMessage().contains("32x32") && size.getMessage().contains("64x64"), size.getMessage());

        Path noTestLabels = TranslationTestData.unpaired(dir.resolve("half-labelled"), 12, 8, true, 3);
        Files.delete(noTestLabels.resolve("testB").resolve(TranslationData.LABELS_FILE));
        DatasetException labels = assertThrows(DatasetException.class,
                () -> TranslationData.read(noTestLabels, null, 3, 3, 0, false));
        assertTrue(labels.getMessage().contains("testB") && labels.getMessage().contains("labels.csv"), labels.getMessage());

        Path gap = TranslationTestData.unpaired(dir.resolve("gap"), 12, 8, true, 4);
        Path csv = gap.resolve("trainA").resolve(TranslationData.LABELS_FILE);
        Files.write(csv, Files.readAllLines(csv).subList(0, 5));
        DatasetException line = assertThrows(DatasetException.class, () -> TranslationData.read(gap, null, 3, 3, 0, false));
        assertTrue(line.getMessage().contains("a0004.png"), line.getMessage());

        DatasetException split = assertThrows(DatasetException.class,
                () -> TranslationData.read(dir.resolve("shapes"), "val", 3, 3, 0, false));
        assertTrue(split.getMessage().contains("valA"), split.getMessage());

        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(true, x -> x, null, 3));
        assertTrue(few.getMessage().contains("at least 4"), few.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(true, x -> x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).dup(), null, 1000));
        assertTrue(shape.getMessage().contains("expected [40, 3, 32, 32]"), shape.getMessage());
    }
}
