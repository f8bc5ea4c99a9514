package org.gan4j.models.unconditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** N + M steps straight equals N steps, checkpoint, fresh process state, resume, M steps: bit for bit. */
class ResumeTest {
    private static final long SEED = 11;
    private static final int TOTAL = 7;

    @TempDir
    Path dir;

    private static InMemoryBatchSource data() {
        Nd4j.getRandom().setSeed(3);
        INDArray images = Nd4j.rand(DataType.FLOAT, 40, 1, 28, 28).muli(2).subi(1);
        return new InMemoryBatchSource(images, 8); // 5 batches per epoch
    }

    private static GanVariant dcgan() {
        return Dcgan.builder().build(5);
    }

    @ParameterizedTest(name = "split after {0} iterations")
    @ValueSource(ints = {3, 5}) // mid-epoch, and exactly at an epoch boundary
    void resumedRunContinuesExactly(int split) throws Exception {
        InMemoryBatchSource data = data();
        GanVariant straight = dcgan();
        Trainer.builder(straight, data).epochs(2).seed(SEED).maxIterations(TOTAL).build().fit();

        GanVariant first = dcgan();
        Trainer t1 = Trainer.builder(first, data).epochs(2).seed(SEED).maxIterations(split).build();
        t1.fit();
        Path cp = dir.resolve("cp.zip");
        t1.saveCheckpoint(cp);

        GanVariant resumed = dcgan();
        // disturb the global RNG as a new process would have it
        Nd4j.getRandom().setSeed(999);
        Trainer t2 = Trainer.builder(resumed, data).epochs(2).seed(SEED).maxIterations(TOTAL).build();
        t2.resumeFrom(cp);
        assertEquals(split, t2.iteration());
        t2.fit();
        assertEquals(TOTAL, t2.iteration());

        for (Map.Entry<String, Network> e : straight.networks().entrySet()) {
            Network other = resumed.networks().get(e.getKey());
            assertEquals(e.getValue().params(), other.params(), e.getKey() + " parameters differ");
            assertEquals(e.getValue().updaterState(), other.updaterState(), e.getKey() + " optimizer state differs");
            assertEquals(e.getValue().iteration(), other.iteration(), e.getKey() + " iteration differs");
        }
        assertNotEquals(dcgan().networks().get("generator").params(), resumed.networks().get("generator").params());
    }

    @Test
    void checkpointHoldsPlainDl4jNetworksAndRunState() throws Exception {
        GanVariant v = Gan.builder().build(1);
        Trainer t = Trainer.builder(v, data()).seed(SEED).maxIterations(2).runConfig("batch", "8").build();
        t.fit();
        Path cp = dir.resolve("gan.zip");
        t.saveCheckpoint(cp);
        Checkpoint c = Checkpoint.read(cp);
        assertEquals("gan", c.variantName());
        assertEquals(2, c.iteration());
        assertEquals(SEED, c.seed());
        assertEquals("8", c.runConfig().get("batch"));
        assertEquals(v.config(), c.variantConfig());
        assertEquals(v.networks().get("generator").params(), c.loadNetwork("generator").params());
        assertEquals(java.util.List.of("discriminator", "generator"), c.networkNames());
        // no temporary files left behind
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertEquals(cp, Checkpoint.read(dir).file());
    }

    @Test
    void resumeRefusesOtherVariantOrSeed() throws Exception {
        Trainer t = Trainer.builder(Gan.builder().build(1), data()).seed(SEED).maxIterations(1).build();
        t.fit();
        Path cp = dir.resolve("gan.zip");
        t.saveCheckpoint(cp);
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(dcgan(), data()).seed(SEED).maxIterations(2).build().resumeFrom(cp));
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(Gan.builder().build(1), data()).seed(SEED + 1).maxIterations(2).build().resumeFrom(cp));
    }

    @Test
    void damagedCheckpointGivesAClearError() throws Exception {
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, new byte[] {1, 2, 3});
        var e = assertThrows(java.io.IOException.class, () -> Checkpoint.read(bad));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("bad.zip"), e.getMessage());
    }
}
