package org.gan4j.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CycleGanTest {
    @TempDir
    Path dir;

    /** 16x16, ngf 4, 2 blocks, 1-layer PatchGANs (6x6 patches). */
    static Map<String, String> tinyConfig(String... more) {
        Map<String, String> m = new HashMap<>(Map.of("preset", "cpu", "imageSize", "16", "ngf", "4", "ndf", "4",
                "blocks", "2", "dLayers", "1"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    static CycleGan tiny(long seed, String... more) {
        return CycleGan.fromConfig(tinyConfig(more)).build(seed);
    }

    private static INDArray images(long seed, int n, int channels) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, channels, 16, 16).muli(2).subi(1);
    }

    private static Batch batch() {
        return new Batch(images(1, 2, 3), images(2, 2, 3));
    }

    private record State(INDArray params, INDArray updater, int iteration) {
        static State of(Network n) {
            return new State(n.params().dup(), n.updaterState().dup(), n.iteration());
        }
    }

    @Test
    void oneStepUpdatesAllFourNetworksWithFiniteLosses() {
        CycleGan v = tiny(1);
        Map<String, INDArray> before = new HashMap<>();
        v.networks().forEach((k, n) -> before.put(k, n.params().dup()));
        assertEquals(List.of("G_AB", "G_BA", "D_A", "D_B"), List.copyOf(v.networks().keySet()));
        Map<String, Double> losses = v.trainStep(batch(), new StepContext(1, 0, 0));
        assertEquals(List.of("loss_D_A", "loss_G_AB", "loss_cycle_A", "loss_idt_A", "loss_D_B", "loss_G_BA", "loss_cycle_B",
                "loss_idt_B"), List.copyOf(losses.keySet()));
        losses.forEach((k, x) -> assertTrue(Double.isFinite(x) && x > 0, k + " = " + x));
        v.networks().forEach((k, n) -> {
            assertNotEquals(before.get(k), n.params(), k + " unchanged");
            assertEquals(1, n.iteration(), k);
        });
        // lambda 10 times a mean absolute error of random [-1, 1] images against near-zero outputs: about 5
        assertTrue(losses.get("loss_cycle_A") > 1 && losses.get("loss_cycle_A") < 20, losses.toString());
        assertEquals(0.5, losses.get("loss_idt_A") / losses.get("loss_cycle_B"), 0.25, "identity weight is half the cycle's");
        assertEquals(2, v.fakeAPool().size());
        assertEquals(2, v.fakeBPool().size());
    }

    /** The generator half changes G_AB and G_BA only: both discriminators bit-identical (parameters, Adam, counters). */
    @Test
    void generatorStepLeavesBothDiscriminatorsUntouched() {
        CycleGan v = tiny(3);
        v.trainStep(batch(), new StepContext(1, 0, 0)); // non-trivial Adam state first
        State da = State.of(v.discriminatorB());
        State db = State.of(v.discriminatorA());
        INDArray ga = v.generatorAB().params().dup();
        INDArray gb = v.generatorBA().params().dup();
        Batch b = new Batch(images(5, 2, 3), images(6, 2, 3));
        v.generatorStep(b.a(), b.b());
        v.generatorAB().applyGradients();
        v.generatorBA().applyGradients();
        assertEquals(da, State.of(v.discriminatorB()));
        assertEquals(db, State.of(v.discriminatorA()));
        assertNotEquals(ga, v.generatorAB().params());
        assertNotEquals(gb, v.generatorBA().params());
    }

    /**
     * The joint generator loss (both adversarial terms, both cycles through the other generator, both identity
     * terms) against finite differences, for parameters of G_AB and G_BA. Adam's first step is
     * lr g / (|g| + eps / sqrt(1 - beta2)), which gives g back from the parameter change.
     */
    @Test
    void generatorGradientsMatchFiniteDifferencesOfTheJointLoss() {
        CycleGan v = CycleGan.fromConfig(tinyConfig("decayEpochs", "0")).dataType(DataType.DOUBLE).build(8);
        INDArray a = images(1, 2, 3).castTo(DataType.DOUBLE);
        INDArray b = images(2, 2, 3).castTo(DataType.DOUBLE);
        AdversarialLoss ls = AdversarialLoss.leastSquares();
        java.util.function.DoubleSupplier loss = () -> {
            var gAB = v.generatorAB();
            var gBA = v.generatorBA();
            INDArray fakeB = gAB.output(a);
            INDArray fakeA = gBA.output(b);
            return ls.generator(v.discriminatorB().output(fakeB)).value()
                    + ls.generator(v.discriminatorA().output(fakeA)).value()
                    + 10 * ReconstructionLoss.L1.compute(gBA.output(fakeB), a).value()
                    + 10 * ReconstructionLoss.L1.compute(gAB.output(fakeA), b).value()
                    + 5 * ReconstructionLoss.L1.compute(gAB.output(b), b).value()
                    + 5 * ReconstructionLoss.L1.compute(gBA.output(a), a).value();
        };
        List<double[]> numeric = new ArrayList<>();
        for (Network g : List.of(v.generatorAB(), v.generatorBA())) {
            INDArray p = g.params();
            double[] grads = new double[16];
            for (int j = 0; j < grads.length; j++) {
                long i = j * (p.length() / grads.length) + 5;
                double coarse = centralDifference(p, i, 1e-6, loss);
                double fine = centralDifference(p, i, 1e-7, loss);
                // a ReLU or L1 kink within the step makes the two disagree: skip that element
                grads[j] = Math.abs(coarse - fine) < 1e-6 + 1e-4 * Math.abs(coarse) ? coarse : Double.NaN;
            }
            numeric.add(grads);
        }
        INDArray pa = v.generatorAB().params().dup();
        INDArray pb = v.generatorBA().params().dup();
        v.generatorStep(a, b);
        v.generatorAB().applyGradients();
        v.generatorBA().applyGradients();
        int checked = 0;
        for (int k = 0; k < 2; k++) {
            INDArray before = k == 0 ? pa : pb;
            INDArray after = (k == 0 ? v.generatorAB() : v.generatorBA()).params();
            double[] grads = numeric.get(k);
            for (int j = 0; j < grads.length; j++) {
                long i = j * (before.length() / grads.length) + 5;
                double r = (before.getDouble(i) - after.getDouble(i)) / 2e-4;
                double epsHat = 1e-8 / Math.sqrt(1 - 0.999);
                double implied = Math.signum(r) * epsHat * Math.abs(r) / (1 - Math.abs(r));
                if (!Double.isNaN(grads[j])) {
                    assertEquals(grads[j], implied, 1e-6 + 1e-4 * Math.abs(grads[j]), (k == 0 ? "G_AB" : "G_BA") + " param " + i);
                    checked += Math.abs(grads[j]) > 1e-4 ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 26, "most of the 32 gradients checked and not negligible: " + checked);
    }

    private static double centralDifference(INDArray p, long i, double h, java.util.function.DoubleSupplier loss) {
        double x = p.getDouble(i);
        p.putScalar(i, x + h);
        double up = loss.getAsDouble();
        p.putScalar(i, x - h);
        double down = loss.getAsDouble();
        p.putScalar(i, x);
        return (up - down) / (2 * h);
    }

    @Test
    void imagePoolFillsThenSwapsHalfTheTime() {
        ImagePool pool = new ImagePool(50);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50; i++) {
            INDArray img = Nd4j.valueArrayOf(new long[] {1, 1, 2, 2}, (float) i);
            assertEquals(img, pool.query(img, random), "while filling, the new image comes back");
            assertEquals(i + 1, pool.size());
        }
        // afterwards: the same draws in a model of the rule give the same answers and contents
        List<Float> model = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            model.add((float) i);
        }
        SplittableRandom draws = new SplittableRandom(12);
        SplittableRandom mirrorDraws = new SplittableRandom(12);
        int pooled = 0;
        for (int t = 0; t < 400; t++) {
            float value = 100 + t;
            float got = pool.query(Nd4j.valueArrayOf(new long[] {1, 1, 2, 2}, value), draws).getFloat(0);
            float expected = value;
            if (mirrorDraws.nextDouble() > 0.5) {
                int k = mirrorDraws.nextInt(50);
                expected = model.get(k);
                model.set(k, value);
                pooled++;
            }
            assertEquals(expected, got, "query " + t);
        }
        assertTrue(pooled > 150 && pooled < 250, "about half of 400 from the pool: " + pooled);
        for (int k = 0; k < 50; k++) {
            assertEquals(model.get(k), pool.stored(k).getFloat(0));
        }
        assertEquals(50, pool.size());
        INDArray batch = Nd4j.rand(DataType.FLOAT, 3, 1, 2, 2);
        assertSame(batch, new ImagePool(0).query(batch, random), "pool size 0: no pool");
    }

    /** 4 iterations straight == 2, checkpoint, resume in a new variant, 2 more (across an epoch, pool full and swapping). */
    @Test
    void resumeIsExactIncludingThePools() throws Exception {
        InMemoryBatchSource data = new InMemoryBatchSource(images(5, 2, 3), images(6, 2, 3), 1); // 2 batches per epoch
        CycleGan straight = tiny(9, "poolSize", "2");
        Trainer.builder(straight, data).epochs(2).seed(4).maxIterations(4).build().fit();

        Trainer t1 = Trainer.builder(tiny(9, "poolSize", "2"), data).epochs(2).seed(4).maxIterations(2).build();
        t1.fit();
        Path cp = dir.resolve("cp.zip");
        t1.saveCheckpoint(cp);
        CycleGan resumed = (CycleGan) VariantProvider.find("cyclegan").create(Checkpoint.read(cp).variantConfig(), 9);
        Nd4j.getRandom().setSeed(999);
        Trainer t2 = Trainer.builder(resumed, data).epochs(2).seed(4).maxIterations(4).build();
        t2.resumeFrom(cp);
        assertEquals(2, resumed.fakeAPool().size(), "pool restored from the checkpoint");
        t2.fit();
        for (Map.Entry<String, Network> e : straight.networks().entrySet()) {
            Network other = resumed.networks().get(e.getKey());
            assertEquals(e.getValue().params(), other.params(), e.getKey() + " parameters differ");
            assertEquals(e.getValue().updaterState(), other.updaterState(), e.getKey() + " optimizer state differs");
            assertEquals(4, other.iteration(), e.getKey());
        }
        for (int k = 0; k < 2; k++) {
            assertEquals(straight.fakeAPool().stored(k), resumed.fakeAPool().stored(k), "fake A pool " + k);
            assertEquals(straight.fakeBPool().stored(k), resumed.fakeBPool().stored(k), "fake B pool " + k);
        }
        assertEquals(straight.preview(1).images(), resumed.preview(1).images());
    }

    @Test
    void previewShowsBothCycles() {
        CycleGan v = tiny(2);
        assertEquals(1, v.preview(1).images().size(0), "placeholder before any data");
        INDArray a = images(3, 2, 3);
        INDArray b = images(4, 2, 3);
        v.previewImages(a, b);
        Preview p = v.preview(1);
        assertEquals(3, p.columns());
        assertArrayEquals(new long[] {12, 3, 16, 16}, p.images().shape());
        var first = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1);
        INDArray fakeB = v.translate(a.get(first));
        assertEquals(a.get(first), p.images().get(first));
        assertTrue(fakeB.equalsWithEps(p.images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2)), 1e-5));
        assertTrue(v.reverse().translate(fakeB).equalsWithEps(p.images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 3)), 1e-5));
        // row 3 (the first B row): B | G_BA(B) | G_AB(G_BA(B))
        assertEquals(b.get(first), p.images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(6, 7)));
        assertTrue(v.reverse().translate(b.get(first)).equalsWithEps(p.images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(7, 8)), 1e-5));
    }

    @Test
    void translatesBothDirectionsOnOddSizedImages() {
        CycleGan v = tiny(4, "lambdaIdentity", "0", "inputChannels", "1");
        Translator back = new Translator(v.reverse());
        assertEquals(3, back.model().inputChannels());
        assertEquals(1, back.model().outputChannels());
        BufferedImage in = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        in.setRGB(5, 5, 0xff8040);
        BufferedImage out = back.translate(in);
        assertEquals(37, out.getWidth());
        assertEquals(23, out.getHeight());
        INDArray x = images(7, 1, 3);
        assertEquals(v.generatorBA().output(x), v.reverse().translate(x), "BtoA is G_BA");
        assertArrayEquals(new long[] {1, 1, 16, 16}, v.reverse().translate(x).shape());
        assertArrayEquals(new long[] {1, 3, 16, 16}, v.translate(images(8, 1, 1)).shape());
        assertSame(v, v.reverse().reverse());
        assertThrows(IllegalArgumentException.class, () -> v.translate(images(8, 1, 3)), "A has 1 channel");
    }

    @Test
    void configRoundTripsAndPresetsHaveTheDocumentedValues() {
        CycleGan v = tiny(1);
        assertEquals(v.config(), CycleGan.fromConfig(v.config()).toConfig());
        Map<String, String> paper = CycleGan.builder().toConfig();
        Map<String, String> cpu = CycleGan.fromConfig(Map.of("preset", "cpu")).toConfig();
        String[] keys = {"imageSize", "loadSize", "ngf", "ndf", "blocks", "dLayers", "lambdaA", "lambdaB", "lambdaIdentity",
            "poolSize", "learningRate", "beta1", "constantEpochs", "decayEpochs"};
        assertEquals(List.of("256", "286", "64", "64", "9", "3", "10.0", "10.0", "0.5", "50", "2.0E-4", "0.5", "100", "100"),
                java.util.Arrays.stream(keys).map(paper::get).toList());
        assertEquals(List.of("64", "72", "32", "32", "3", "2", "10.0", "10.0", "0.5", "50", "2.0E-4", "0.5", "100", "100"),
                java.util.Arrays.stream(keys).map(cpu::get).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> CycleGan.fromConfig(Map.of("lambda", "10")));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        // settings that contradict each other are refused when the builder resolves them
        assertThrows(IllegalArgumentException.class, () -> CycleGan.fromConfig(Map.of("inputChannels", "1")).settings(),
                "identity loss with 1 and 3 channels");
        assertThrows(IllegalArgumentException.class, () -> CycleGan.fromConfig(Map.of("imageSize", "30")).settings());
        assertThrows(IllegalArgumentException.class, () -> tiny(1).trainStep(Batch.of(images(1, 2, 3)), new StepContext(1, 0, 0)));
    }

    @Test
    void networkShapes() {
        CycleGan v = tiny(5, "lambdaIdentity", "0", "inputChannels", "1");
        assertArrayEquals(new long[] {2, 3, 16, 16}, v.generatorAB().output(images(1, 2, 1)).shape());
        assertArrayEquals(new long[] {2, 1, 16, 16}, v.generatorBA().output(images(1, 2, 3)).shape());
        assertArrayEquals(new long[] {2, 1, 6, 6}, v.discriminatorB().output(images(1, 2, 3)).shape(), "D_B judges B");
        assertArrayEquals(new long[] {2, 1, 6, 6}, v.discriminatorA().output(images(1, 2, 1)).shape(), "D_A judges A");
    }
}
