package org.gan4j.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Pix2PixTest {
    @TempDir
    Path dir;

    /** 16x16, U-Net depth 4, 1-layer PatchGAN (6x6 logits): the fewest layers that exercise everything. */
    static Map<String, String> tinyConfig() {
        return Map.of("preset", "cpu", "imageSize", "16", "unetDepth", "4", "ngf", "4", "ndf", "4", "dLayers", "1",
                "inputChannels", "1");
    }

    static Pix2Pix tiny(long seed) {
        return Pix2Pix.fromConfig(tinyConfig()).build(seed);
    }

    private static INDArray images(long seed, int n, int channels) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, channels, 16, 16).muli(2).subi(1);
    }

    private static Batch batch() {
        return new Batch(images(1, 2, 1), images(2, 2, 3));
    }

    @Test
    void oneStepUpdatesBothNetworksWithFiniteLosses() {
        Pix2Pix v = tiny(1);
        INDArray g0 = v.generator().params().dup();
        INDArray d0 = v.discriminator().params().dup();
        Map<String, Double> losses = v.trainStep(batch(), new StepContext(1, 0, 0));
        assertEquals(java.util.List.of("loss_D", "loss_G_GAN", "loss_G_L1", "loss_D_real", "loss_D_fake"),
                java.util.List.copyOf(losses.keySet()));
        losses.forEach((k, x) -> assertTrue(Double.isFinite(x), k + " = " + x));
        assertNotEquals(g0, v.generator().params());
        assertNotEquals(d0, v.discriminator().params());
        assertEquals(1, v.generator().iteration());
        assertEquals(1, v.discriminator().iteration());
        // lambda_L1 = 100 times the mean absolute error: of the order of 100 for random images
        assertTrue(losses.get("loss_G_L1") > 10, losses.toString());
    }

    /** D after a full step equals D after the D half alone: the G half leaves D untouched. */
    @Test
    void generatorHalfLeavesDiscriminatorUntouched() {
        Batch b = batch();
        Pix2Pix full = tiny(3);
        Nd4j.getRandom().setSeed(77);
        full.trainStep(b, new StepContext(1, 0, 0));

        Pix2Pix half = tiny(3);
        Nd4j.getRandom().setSeed(77);
        INDArray fake = half.generator().forward(b.a());
        AdversarialLoss loss = AdversarialLoss.nonSaturating();
        var d = half.discriminator();
        d.backward(loss.discriminator(d.forward(Nd4j.concat(1, b.a(), fake)), Target.FAKE).gradient().muli(0.5));
        d.backward(loss.discriminator(d.forward(Nd4j.concat(1, b.a(), b.b())), Target.REAL).gradient().muli(0.5));
        d.applyGradients();

        assertEquals(d.params(), full.discriminator().params());
        assertEquals(d.updaterState(), full.discriminator().updaterState());
        assertEquals(d.iteration(), full.discriminator().iteration());
        assertNotEquals(half.generator().params(), full.generator().params(), "the full step also trains G");
    }

    /** G's output gradient (D's input gradient on the B channels + 100 x L1's) against finite differences. */
    @Test
    void generatorLossGradientMatchesFiniteDifferences() {
        Pix2Pix v = Pix2Pix.fromConfig(tinyConfig()).dataType(DataType.DOUBLE).build(6);
        INDArray a = images(1, 2, 1).castTo(DataType.DOUBLE);
        INDArray b = images(2, 2, 3).castTo(DataType.DOUBLE);
        INDArray fake = images(3, 2, 3).castTo(DataType.DOUBLE).muli(0.9);
        Pix2Pix.GeneratorLoss gl = v.generatorLoss(a, b, fake);
        AdversarialLoss bce = AdversarialLoss.nonSaturating();
        java.util.function.DoubleSupplier value = () -> bce.generator(v.discriminator().forward(Nd4j.concat(1, a, fake))).value()
                + 100 * org.gan4j.core.loss.ReconstructionLoss.L1.compute(fake, b).value();
        double h = 1e-6;
        for (long i = 0; i < fake.length(); i += 67) { // 23 elements of 1536
            double x = fake.getDouble(i);
            fake.putScalar(i, x + h);
            double up = value.getAsDouble();
            fake.putScalar(i, x - h);
            double down = value.getAsDouble();
            fake.putScalar(i, x);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gl.gradient().getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), "element " + i);
        }
        assertEquals(0, v.discriminator().iteration());
    }

    @Test
    void resumeThroughTheTrainerIsExact() throws Exception {
        InMemoryBatchSource data = new InMemoryBatchSource(images(5, 2, 1), images(6, 2, 3), 2); // 1 batch per epoch
        GanVariant straight = tiny(9);
        Trainer.builder(straight, data).epochs(2).seed(4).maxIterations(2).build().fit();

        Trainer t1 = Trainer.builder(tiny(9), data).epochs(2).seed(4).maxIterations(1).build();
        t1.fit();
        Path cp = dir.resolve("cp.zip");
        t1.saveCheckpoint(cp);

        GanVariant resumed = VariantProvider.find("pix2pix").create(Checkpoint.read(cp).variantConfig(), 9);
        Nd4j.getRandom().setSeed(999);
        Trainer t2 = Trainer.builder(resumed, data).epochs(2).seed(4).maxIterations(2).build(); // into epoch 2
        t2.resumeFrom(cp);
        t2.fit();
        for (Map.Entry<String, Network> e : straight.networks().entrySet()) {
            Network other = resumed.networks().get(e.getKey());
            assertEquals(e.getValue().params(), other.params(), e.getKey() + " parameters differ");
            assertEquals(e.getValue().updaterState(), other.updaterState(), e.getKey() + " optimizer state differs");
        }
        // the preview pairs taken from the first batch travel with the checkpoint
        assertEquals(straight.preview(1).images(), resumed.preview(1).images());
    }

    @Test
    void previewShowsInputOutputTargetTriplets() {
        Pix2Pix v = tiny(2);
        assertEquals(1, v.preview(1).images().size(0), "placeholder before any data");
        v.previewPairs(images(3, 2, 1), images(4, 2, 3));
        Preview p = v.preview(1);
        assertEquals(3, p.columns());
        assertArrayEquals(new long[] {6, 3, 16, 16}, p.images().shape());
        assertEquals(p.images(), v.preview(1).images(), "same seed, same dropout draws");
    }

    @Test
    void translatesOddSizedImagesToTheSameSize() {
        Translator t = new Translator(tiny(4));
        BufferedImage in = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        in.setRGB(5, 5, 0xff8040);
        BufferedImage out = t.translate(in);
        assertEquals(37, out.getWidth());
        assertEquals(23, out.getHeight());
        INDArray padded = Translator.padEdges(Nd4j.arange(6).castTo(DataType.FLOAT).reshape(1, 1, 2, 3), 4, 5, 1, 1);
        assertArrayEquals(new float[] {0, 0, 1, 2, 2}, padded.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).toFloatVector());
        assertArrayEquals(new float[] {3, 3, 4, 5, 5}, padded.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(3)).toFloatVector());
    }

    @Test
    void configRoundTripsAndPresetsHaveTheDocumentedValues() {
        Pix2Pix v = tiny(1);
        assertEquals(v.config(), Pix2Pix.fromConfig(v.config()).toConfig());
        Map<String, String> paper = Pix2Pix.builder().toConfig();
        Map<String, String> cpu = Pix2Pix.fromConfig(Map.of("preset", "cpu")).toConfig();
        String[] keys = {"imageSize", "loadSize", "unetDepth", "ngf", "ndf", "dLayers", "lambdaL1", "learningRate", "beta1",
            "constantEpochs", "decayEpochs"};
        assertEquals(java.util.List.of("256", "286", "8", "64", "64", "3", "100.0", "2.0E-4", "0.5", "100", "100"),
                java.util.Arrays.stream(keys).map(paper::get).toList());
        assertEquals(java.util.List.of("64", "72", "6", "32", "32", "2", "100.0", "2.0E-4", "0.5", "100", "100"),
                java.util.Arrays.stream(keys).map(cpu::get).toList());
        assertEquals("atob", paper.get("direction"));
        Map<String, String> reverse = new java.util.HashMap<>(tinyConfig());
        reverse.put("direction", "BtoA");
        assertTrue(Pix2Pix.fromConfig(reverse).build(1).reverseData());
        assertTrue(!tiny(1).reverseData());
        assertThrows(IllegalArgumentException.class, () -> Pix2Pix.fromConfig(Map.of("lambda", "10")));
        assertThrows(IllegalArgumentException.class, () -> tiny(1).trainStep(Batch.of(images(1, 2, 1)), new StepContext(1, 0, 0)));
        assertThrows(UnsupportedOperationException.class, () -> tiny(1).reverse());
    }

    @Test
    void learningRateFollowsTheLinearPolicy() {
        Map<String, String> c = new java.util.HashMap<>(tinyConfig());
        c.put("constantEpochs", "2");
        c.put("decayEpochs", "2");
        Pix2Pix v = Pix2Pix.fromConfig(c).build(1);
        var layer = ((org.deeplearning4j.nn.graph.ComputationGraph) v.generator().model()).getLayer("down1");
        var schedule = ((org.nd4j.linalg.learning.config.Adam) layer.conf().getLayer().getUpdaterByParam("W"))
                .getLearningRateSchedule();
        assertEquals(2e-4, schedule.valueAt(0, 1), 1e-12);
        assertEquals(2e-4 * 2 / 3, schedule.valueAt(0, 2), 1e-12);
        assertEquals(2e-4 / 3, schedule.valueAt(0, 3), 1e-12);
    }

    @Test
    void resnetGeneratorOptionTrains() {
        Pix2Pix v = Pix2Pix.fromConfig(Map.of("generator", "resnet6", "imageSize", "16", "ngf", "4", "ndf", "4",
                "dLayers", "1", "inputChannels", "1", "resizeConv", "true")).build(1);
        assertEquals(4, v.sizeMultiple());
        v.trainStep(batch(), new StepContext(1, 0, 0)).values().forEach(x -> assertTrue(Double.isFinite(x)));
    }
}
