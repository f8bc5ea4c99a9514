package org.gan4j.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.BatchNormStatistics;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiscoGanTest {
    @TempDir
    Path dir;

    /** 64x64 (the smallest size D allows) with 4 filters, curriculum of 4 iterations. */
    static Map<String, String> tinyConfig() {
        return Map.of("ngf", "4", "ndf", "4", "ganCurriculum", "4");
    }

    private static INDArray images(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 3, 64, 64).muli(2).subi(1);
    }

    private static Batch batch() {
        return new Batch(images(1, 3), images(2, 3));
    }

    private static Map<String, INDArray> snapshot(DiscoGan v) {
        Map<String, INDArray> m = new java.util.LinkedHashMap<>();
        v.networks().forEach((k, n) -> m.put(k, n.params().dup()));
        v.networks().forEach((k, n) -> m.put(k + ".updater", n.updaterState().dup()));
        return m;
    }

    @Test
    void paperNetworksHaveTheReferenceShapesAndSizes() {
        DiscoGan v = DiscoGan.builder().build(1);
        // G: conv 3-64-128-256-512, deconv 512-256-128-64-3, 4x4, no biases; BN (4 DL4J params per channel) on
        // 128, 256, 512, 256, 128, 64 channels
        long gWeights = 16L * (3 * 64 + 64 * 128 + 128 * 256 + 256 * 512 + 512 * 256 + 256 * 128 + 128 * 64 + 64 * 3);
        long gBn = 4L * (128 + 256 + 512 + 256 + 128 + 64);
        assertEquals(5_511_168L, gWeights);
        assertEquals(gWeights + gBn, v.generatorAB().numParams());
        assertEquals(gWeights + gBn, v.generatorBA().numParams());
        long dWeights = 16L * (3 * 64 + 64 * 128 + 128 * 256 + 256 * 512 + 512);
        long dBn = 4L * (128 + 256 + 512);
        assertEquals(dWeights + dBn, v.discriminatorA().numParams());
        INDArray x = images(3, 2).add(1).muli(0.5);
        INDArray y = v.generatorAB().forward(x);
        assertArrayEquals(new long[] {2, 3, 64, 64}, y.shape());
        assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 1, "sigmoid output");
        assertArrayEquals(new long[] {2, 1, 1, 1}, v.discriminatorB().forward(y).shape());
        List<long[]> f = v.discriminatorB().features().stream().map(INDArray::shape).toList();
        assertArrayEquals(new long[] {2, 128, 16, 16}, f.get(0));
        assertArrayEquals(new long[] {2, 256, 8, 8}, f.get(1));
        assertArrayEquals(new long[] {2, 512, 4, 4}, f.get(2));
        // 2017 PyTorch init: conv weights within 1/sqrt(fan_in), batch-norm scales in [0, 1) and not constant
        var gnet = (org.deeplearning4j.nn.multilayer.MultiLayerNetwork) v.generatorAB().model();
        INDArray w = gnet.getLayer(3).getParam("W");
        double bound = 1 / Math.sqrt(128 * 16);
        assertTrue(w.amaxNumber().doubleValue() <= bound && w.amaxNumber().doubleValue() > 0.9 * bound);
        INDArray gamma = gnet.getLayer(4).getParam("gamma");
        assertTrue(gamma.minNumber().doubleValue() >= 0 && gamma.maxNumber().doubleValue() < 1
                && gamma.stdNumber().doubleValue() > 0.2);
    }

    @Test
    void discriminatorIterationChangesOnlyTheDiscriminators() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(1);
        Map<String, INDArray> before = snapshot(v);
        Map<String, Double> losses = v.trainStep(batch(), new StepContext(1, 0, 0));
        assertEquals(List.of("loss_D_A", "loss_D_B", "loss_G", "loss_G_GAN_A", "loss_G_GAN_B", "loss_FM_A",
                "loss_FM_B", "loss_recon_A", "loss_recon_B"), List.copyOf(losses.keySet()));
        losses.forEach((k, x) -> assertTrue(Double.isFinite(x), k + " = " + x));
        Map<String, INDArray> after = snapshot(v);
        for (String g : List.of("G_AB", "G_BA", "G_AB.updater", "G_BA.updater")) {
            assertEquals(before.get(g), after.get(g), g);
        }
        for (String d : List.of("D_A", "D_B")) {
            assertNotEquals(before.get(d), after.get(d), d);
            assertEquals(1, v.networks().get(d).iteration());
        }
        assertEquals(0, v.generatorAB().iteration());
    }

    @Test
    void generatorIterationChangesOnlyTheGenerators() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(1);
        Map<String, INDArray> before = snapshot(v);
        Map<String, Double> losses = v.trainStep(batch(), new StepContext(1, 1, 0));
        losses.forEach((k, x) -> assertTrue(Double.isFinite(x), k + " = " + x));
        Map<String, INDArray> after = snapshot(v);
        for (String d : List.of("D_A", "D_B", "D_A.updater", "D_B.updater")) {
            assertEquals(before.get(d), after.get(d), d); // bit-identical
        }
        assertEquals(0, v.discriminatorA().iteration());
        for (String g : List.of("G_AB", "G_BA")) {
            assertNotEquals(before.get(g), after.get(g), g);
            assertEquals(1, v.networks().get(g).iteration());
        }
        // iteration 2 is a G iteration too, iteration 3 a D iteration
        assertTrue(!v.discriminatorIteration(2) && v.discriminatorIteration(3));
    }

    @Test
    void weightingSwitchesAtTheCurriculumEnd() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(1);
        assertEquals(0.01, v.rate(0));
        assertEquals(0.01, v.rate(3));
        assertEquals(0.5, v.rate(4));
        assertEquals(0.5, DiscoGan.builder().build(1).rate(10_000));
        assertEquals(0.01, DiscoGan.builder().build(1).rate(9_999));
        // the logged G loss is the weighted sum with that rate
        for (int it : new int[] {1, 5}) {
            Map<String, Double> l = DiscoGan.fromConfig(tinyConfig()).build(1).trainStep(batch(), new StepContext(1, it, 0));
            double r = v.rate(it);
            double expected = (l.get("loss_G_GAN_B") * 0.1 + l.get("loss_FM_B") * 0.9) * (1 - r) + l.get("loss_recon_A") * r
                    + (l.get("loss_G_GAN_A") * 0.1 + l.get("loss_FM_A") * 0.9) * (1 - r) + l.get("loss_recon_B") * r;
            assertEquals(expected, l.get("loss_G"), 1e-9);
        }
    }

    /** The gradient G gets from D: 0.1 x BCE + 0.9 x feature matching, checked by central differences. */
    @Test
    void adversarialAndFeatureMatchingInputGradientMatchesFiniteDifferences() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).dataType(DataType.DOUBLE).build(2);
        var d = v.discriminatorB();
        Nd4j.getRandom().setSeed(5);
        INDArray real = Nd4j.rand(DataType.DOUBLE, 3, 3, 64, 64);
        INDArray fake = Nd4j.rand(DataType.DOUBLE, 3, 3, 64, 64);
        List<INDArray> realMeans = new ArrayList<>();
        d.forward(real);
        d.features().forEach(f -> realMeans.add(f.mean(0)));
        INDArray out = d.forward(fake);
        List<INDArray> grads = new ArrayList<>();
        DiscoGan.featureMatching(realMeans, d.features(), grads);
        grads.forEach(g -> g.muli(0.9));
        var gan = org.gan4j.core.loss.AdversarialLoss.nonSaturating().generator(out);
        INDArray dx = d.inputGradient(gan.gradient().muli(0.1), grads);
        var net = (org.deeplearning4j.nn.multilayer.MultiLayerNetwork) d.model();
        double h = 1e-5;
        for (long i = 0; i < fake.length(); i += 997) {
            double x0 = fake.getDouble(i);
            fake.putScalar(i, x0 + h);
            double up = loss(net, realMeans, fake);
            fake.putScalar(i, x0 - h);
            double down = loss(net, realMeans, fake);
            fake.putScalar(i, x0);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, dx.getDouble(i), 1e-6 * Math.max(1e-3, Math.abs(numeric)) + 1e-10, "element " + i);
        }
    }

    private static double loss(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net, List<INDArray> realMeans, INDArray fake) {
        List<INDArray> acts = net.feedForward(fake, true);
        List<INDArray> feats = List.of(acts.get(3), acts.get(5), acts.get(7));
        double fm = DiscoGan.featureMatching(realMeans, feats, new ArrayList<>());
        INDArray logits = acts.get(acts.size() - 1);
        double bce = org.gan4j.core.loss.AdversarialLoss.nonSaturating().generator(logits).value();
        return 0.1 * bce + 0.9 * fm;
    }

    @Test
    void featureMatchingIsTheMeanSquaredDifferenceOfBatchMeansSummedOverLayers() {
        INDArray real = Nd4j.createFromArray(new double[] {1, 3, 3, -1}).reshape(2, 2); // batch means [2, 1]
        INDArray fake = Nd4j.createFromArray(new double[] {0, 0, 2, 0}).reshape(2, 2); // batch means [1, 0]
        List<INDArray> grads = new ArrayList<>();
        double fm = DiscoGan.featureMatching(List.of(real.mean(0), real.mean(0)), List.of(fake, fake), grads);
        assertEquals(2 * (1 + 1) / 2.0, fm, 1e-12); // two layers of mean(1^2, 1^2)
        // d/d fake[n, j] = 2 (mean_fake - mean_real)_j / (2 positions x 2 examples) = -0.5
        assertEquals(Nd4j.valueArrayOf(new long[] {2, 2}, -0.5).castTo(DataType.DOUBLE), grads.get(0));
    }

    @Test
    void resumedRunEndsBitIdentical() throws Exception {
        INDArray a = images(7, 4);
        INDArray b = images(8, 4);
        int n = 4;
        int m = 3;
        DiscoGan straight = DiscoGan.fromConfig(tinyConfig()).build(9);
        Trainer.builder(straight, new InMemoryBatchSource(a, b, 2)).epochs(100).maxIterations(n + m).seed(3).build().fit();

        DiscoGan first = DiscoGan.fromConfig(tinyConfig()).build(9);
        Trainer t1 = Trainer.builder(first, new InMemoryBatchSource(a, b, 2)).epochs(100).maxIterations(n).seed(3).build();
        t1.fit();
        Path cp = dir.resolve("cp.zip");
        t1.saveCheckpoint(cp);
        Checkpoint c = Checkpoint.read(cp);
        DiscoGan resumed = (DiscoGan) VariantProvider.find("discogan").create(c.variantConfig(), c.seed());
        Trainer t2 = Trainer.builder(resumed, new InMemoryBatchSource(a, b, 2)).epochs(100).maxIterations(n + m).seed(3)
                .build();
        t2.resumeFrom(cp);
        t2.fit();
        for (Map.Entry<String, Network> e : straight.networks().entrySet()) {
            Network r = resumed.networks().get(e.getKey());
            assertEquals(e.getValue().params(), r.params(), e.getKey());
            assertEquals(e.getValue().updaterState(), r.updaterState(), e.getKey());
            assertEquals(e.getValue().iteration(), r.iteration(), e.getKey());
        }
    }

    @Test
    void settingsRoundTripAndUnknownKeysAreRejected() {
        DiscoGan v = DiscoGan.fromConfig(Map.of("preset", "cpu")).build(1);
        assertEquals("32", v.config().get("ngf"));
        assertEquals("500", v.config().get("ganCurriculum"));
        assertEquals(v.config(), DiscoGan.fromConfig(v.config()).build(1).config());
        var e = assertThrows(IllegalArgumentException.class, () -> DiscoGan.fromConfig(Map.of("lambda", "1")));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiscoGan.fromConfig(Map.of("imageSize", "32")));
    }

    /**
     * Translations use batch-norm statistics of the first training images of the input domain (re-estimated for
     * the current weights), not those of the call's own batch: an image translates the same alone or beside
     * others, as in the reference, which translates its whole test set in one batch.
     */
    @Test
    void translationUsesCalibrationStatisticsNotTheCallsBatch() throws Exception {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(4);
        InMemoryBatchSource data = new InMemoryBatchSource(images(7, 6), images(8, 6), 3);
        Trainer t = Trainer.builder(v, data).epochs(100).maxIterations(2).seed(3).build();
        t.fit();
        INDArray x = images(11, 3);
        INDArray alone = v.translate(x.get(interval(0, 1)));
        INDArray together = v.translate(x);
        assertTrue(alone.equalsWithEps(together.get(interval(0, 1)), 1e-4), "same image, same translation");
        INDArray reverseAlone = v.reverse().translate(x.get(interval(1, 2)));
        assertTrue(reverseAlone.equalsWithEps(v.reverse().translate(x).get(interval(1, 2)), 1e-4));
        // the statistics are those of the 6 training images of A (2 batches of 3) for G_AB's current weights
        var copy = ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) v.generatorAB().model()).clone();
        BatchNormStatistics.reestimate(copy, List.of(images(7, 6).add(1).muli(0.5)));
        INDArray expected = copy.output(x.add(1).muli(0.5), false).muli(2).subi(1);
        assertTrue(expected.equalsWithEps(together, 1e-4));
        // each call's own statistics when asked for
        DiscoGan batchStats = DiscoGan.fromConfig(Map.of("ngf", "4", "ndf", "4", "testBatchStatistics", "true"))
                .build(4);
        assertNotEquals(batchStats.translate(x).get(interval(0, 1)), batchStats.translate(x.get(interval(0, 1))));
        // the calibration images travel with the checkpoint; the exported generators translate the same way
        Path cp = dir.resolve("cp.zip");
        t.saveCheckpoint(cp);
        DiscoGan restored = (DiscoGan) Checkpoint.read(cp).restoreVariant();
        assertTrue(together.equalsWithEps(restored.translate(x), 1e-4));
        var exported = (org.deeplearning4j.nn.multilayer.MultiLayerNetwork) v.exportedModels().get("G_AB");
        INDArray plain = exported.output(x.add(1).muli(0.5)).muli(2).subi(1);
        assertTrue(together.equalsWithEps(plain, 1e-4));
    }

    @Test
    void calibrationKeepsTheFirstImagesOfEachDomainAcrossBatches() throws Exception {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(4);
        PreviewImages kept = new PreviewImages(5);
        kept.fill(images(1, 3), images(2, 3));
        kept.fill(images(3, 3), images(4, 3));
        kept.fill(images(5, 3), images(6, 3));
        assertEquals(Nd4j.concat(0, images(1, 3), images(3, 3).get(interval(0, 2))), kept.a());
        assertEquals(Nd4j.concat(0, images(2, 3), images(4, 3).get(interval(0, 2))), kept.b());
        assertTrue(kept.isFull());
        // a state written before calibration images existed (preview images only) still loads
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(old)) {
            PreviewImages preview = new PreviewImages(DiscoGan.PREVIEW_PAIRS);
            preview.takeIfEmpty(images(1, 3), images(2, 3));
            preview.write(out);
        }
        v.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(old.toByteArray())));
        assertEquals(3 * 2 * 3, v.preview(0).images().size(0), "3 preview pairs, 2 rows of 3 each");
    }

    @Test
    void previewRowsAndTwoWayTranslation() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).build(1);
        v.previewPairs(images(1, 2), images(2, 2));
        var p = v.preview(0);
        assertArrayEquals(new long[] {12, 3, 64, 64}, p.images().shape());
        assertEquals(3, p.columns());
        INDArray x = images(4, 1);
        assertNotEquals(v.translate(x), v.reverse().translate(x));
        assertEquals(v.reverse().translate(x), v.reverse().reverse().reverse().translate(x));
    }

    @Test
    void eachDomainHasItsOwnChannels() {
        DiscoGan v = DiscoGan.fromConfig(tinyConfig()).channels(1, 3).build(1);
        Nd4j.getRandom().setSeed(5);
        INDArray grey = Nd4j.rand(DataType.FLOAT, 3, 1, 64, 64).muli(2).subi(1);
        Batch b = new Batch(grey, images(2, 3));
        for (int it = 0; it < 3; it++) { // one D iteration, two G iterations
            v.trainStep(b, new StepContext(it, it, 0)).forEach((k, x) -> assertTrue(Double.isFinite(x), k + " = " + x));
        }
        assertEquals(1, v.discriminatorA().iteration());
        assertEquals(2, v.generatorAB().iteration());
        assertArrayEquals(new long[] {1, 3, 64, 64}, v.translate(grey.get(interval(0, 1))).shape());
        assertArrayEquals(new long[] {1, 1, 64, 64}, v.reverse().translate(images(4, 1)).shape());
        assertEquals(3, v.reverse().inputChannels());
        var e = assertThrows(IllegalArgumentException.class, () -> v.translate(images(4, 1)));
        assertTrue(e.getMessage().contains("1 channel"), e.getMessage());
        var wrongBatch = new Batch(images(1, 3), images(2, 3));
        var e2 = assertThrows(IllegalArgumentException.class, () -> v.trainStep(wrongBatch, new StepContext(3, 3, 0)));
        assertTrue(e2.getMessage().contains("A images [N, 1, 64, 64]"), e2.getMessage());
        assertEquals(3 * 2 * 3, v.preview(0).images().size(0), "3 preview pairs from the batch, 2 rows of 3 each");
    }
}
