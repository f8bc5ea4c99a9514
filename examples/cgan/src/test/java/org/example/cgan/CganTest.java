package org.example.cgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Network;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The mechanics of the cGAN: the label reaches both networks, the G step leaves D alone, resume is exact. */
class CganTest {
    @TempDir
    Path dir;

    /** Small networks are not needed: the default MLPs train a step in milliseconds. */
    private static Cgan cgan(long seed) {
        return (Cgan) VariantProvider.find(Cgan.NAME).create(Map.of(), seed);
    }

    /** {@code n} labelled examples: random images, labels cycling through the classes. */
    private static Batch batch(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new DataSpec.LabelledMnist().syntheticBatch(n);
    }

    @Test
    void theGeneratorDrawsDifferentImagesForDifferentLabels() {
        Cgan cgan = cgan(1);
        INDArray noise = StepContext.gaussian(new SplittableRandom(5), 4, 100);
        INDArray sevens = cgan.generate(noise, new int[] {7, 7, 7, 7});
        INDArray twos = cgan.generate(noise, new int[] {2, 2, 2, 2});
        assertArrayEquals(new long[] {4, 1, 28, 28}, sevens.shape());
        assertNotEquals(sevens, twos, "same noise, other label: G must see the label");
        assertEquals(sevens, cgan.generate(noise, new int[] {7, 7, 7, 7}), "sampling is deterministic");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> cgan.generate(noise, new int[] {7, 7, 7, 10}));
        assertTrue(bad.getMessage().contains("label 10"), bad.getMessage());
    }

    @Test
    void theDiscriminatorJudgesTheImageTogetherWithItsLabel() {
        Cgan cgan = cgan(1);
        Batch b = batch(8, 3);
        INDArray images = b.a().reshape(8, Cgan.PIXELS);
        double scale = cgan.settings().labelScale();
        INDArray shifted = Nd4j.zeros(8, Cgan.CLASSES);
        for (int i = 0; i < 8; i++) {
            shifted.putScalar(i, (i + 1) % Cgan.CLASSES, scale);
        }
        INDArray right = cgan.discriminator().output(Nd4j.hstack(images, b.b().mul(scale)));
        INDArray wrong = cgan.discriminator().output(Nd4j.hstack(images, shifted));
        for (int i = 0; i < 8; i++) {
            assertNotEquals(right.getDouble(i, 0), wrong.getDouble(i, 0), "example " + i + ": D must see the label");
        }
    }

    @Test
    void theGeneratorStepLeavesTheDiscriminatorAsItsOwnStepLeftIt() {
        Cgan full = cgan(7);
        Cgan reference = cgan(7);
        Batch b = batch(16, 4);
        StepContext ctx = new StepContext(9, 0, 0);
        full.trainStep(b, ctx);
        // the D step alone on the reference: the same fake batch (same G, same noise), then AdversarialSteps' D step
        INDArray forG = b.b();
        INDArray forD = b.b().mul(reference.settings().labelScale());
        INDArray noise = new StepContext(9, 0, 0).gaussian(16, 100);
        INDArray fake = Nd4j.hstack(reference.generator().forward(Nd4j.hstack(noise, forG)), forD);
        INDArray real = Nd4j.hstack(b.a().reshape(16, Cgan.PIXELS), forD);
        AdversarialSteps.discriminatorStep(reference.discriminator(), AdversarialLoss.nonSaturating(), real, fake);
        assertEquals(reference.discriminator().params(), full.discriminator().params(), "D parameters");
        assertEquals(reference.discriminator().updaterState(), full.discriminator().updaterState(), "D's Adam state");
        assertEquals(reference.discriminator().iteration(), full.discriminator().iteration(), "D's iteration");
        assertEquals(1, full.generator().iteration(), "G took one step");
        assertNotEquals(reference.generator().params(), full.generator().params(), "G was updated");
    }

    @Test
    void refusesBatchesWithoutLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cgan(1).trainStep(Batch.of(Nd4j.rand(4, 1, 28, 28)), new StepContext(1, 0, 0)));
        assertTrue(e.getMessage().contains("one-hot labels"), e.getMessage());
    }

    @Test
    void resumingFromACheckpointEndsBitForBitWhereAnUninterruptedRunEnds() throws Exception {
        Batch data = batch(40, 11);
        BatchSource source = new InMemoryBatchSource(data.a(), data.b(), 10); // 4 batches per epoch
        GanVariant whole = cgan(3);
        Trainer.builder(whole, source).seed(3).epochs(2).maxIterations(6).build().fit();

        GanVariant first = cgan(3);
        Trainer part = Trainer.builder(first, source).seed(3).epochs(2).maxIterations(3).build();
        part.fit();
        Path ckpt = dir.resolve("ckpt.zip");
        part.saveCheckpoint(ckpt);

        GanVariant resumed = Checkpoint.read(ckpt).createVariant();
        Trainer rest = Trainer.builder(resumed, source).seed(3).epochs(2).maxIterations(6).build();
        rest.resumeFrom(ckpt);
        rest.fit();
        for (Map.Entry<String, Network> e : whole.networks().entrySet()) {
            Network other = resumed.networks().get(e.getKey());
            assertArrayEquals(e.getValue().params().data().asFloat(), other.params().data().asFloat(), e.getKey());
            assertArrayEquals(e.getValue().updaterState().data().asFloat(), other.updaterState().data().asFloat(),
                    e.getKey() + " optimizer state");
            assertEquals(6, other.iteration(), e.getKey() + " iteration");
        }
    }

    @Test
    void settingsRoundTripThroughTheTableAndTheCheckpoint() throws Exception {
        Map<String, String> given = Map.of("latentSize", "32", "learningRate", "1.0E-4", "realLabel", "0.9");
        Cgan cgan = (Cgan) VariantProvider.find(Cgan.NAME).create(given, 2);
        assertEquals(new CganSettings(32, 1e-4, 0.5, 0.9, 30.0), cgan.settings());
        assertEquals(cgan.settings(), CganSettings.TABLE.read(cgan.config()));
        assertArrayEquals(new long[] {32}, cgan.noiseShape());

        Batch b = batch(10, 1);
        Trainer t = Trainer.builder(cgan, new InMemoryBatchSource(b.a(), b.b(), 10)).seed(2).maxIterations(1).build();
        t.fit();
        Path ckpt = dir.resolve("settings.zip");
        t.saveCheckpoint(ckpt);
        Cgan restored = (Cgan) Checkpoint.read(ckpt).restoreVariant();
        assertEquals(cgan.settings(), restored.settings());
        assertEquals(cgan.generator().params(), restored.generator().params());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> VariantProvider.find(Cgan.NAME).create(Map.of("latentsize", "3"), 1));
        assertTrue(unknown.getMessage().contains("latentSize"), "names the known settings: " + unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> VariantProvider.find(Cgan.NAME).create(Map.of("realLabel", "1.5"), 1));
        assertTrue(bad.getMessage().contains("realLabel"), bad.getMessage());
    }

    @Test
    void thePreviewShowsEachClassInItsOwnRow() {
        Cgan cgan = cgan(1);
        var preview = cgan.preview(42);
        assertEquals(Cgan.PREVIEW_COLUMNS, preview.columns());
        INDArray images = preview.images();
        assertEquals(Cgan.CLASSES * Cgan.PREVIEW_COLUMNS, images.size(0));
        INDArray noise = StepContext.gaussian(org.gan4j.core.train.Preview.random(42), images.size(0), 100);
        int[] threes = new int[(int) images.size(0)];
        java.util.Arrays.fill(threes, 3);
        INDArray row3 = images.get(NDArrayIndex.interval(30, 40));
        assertEquals(cgan.generate(noise, threes).get(NDArrayIndex.interval(30, 40)), row3, "row 3 is class 3");
    }
}
