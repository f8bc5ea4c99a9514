package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.WeightAveraging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** --ema: the plan stores it, resume keeps it, checkpoints and inference carry the averaged weights. */
class AveragingCliTest {
    @TempDir
    Path dir;

    private String[] withData(String... args) {
        Path shared = Path.of(System.getProperty("gan4j.test.mnist", "../../shared/data/mnist"));
        if (!Files.isDirectory(shared)) {
            return args;
        }
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--data";
        out[args.length + 1] = shared.toString();
        return out;
    }

    @Test
    void averagedRunStoresTheAverageAndInferenceUsesIt() throws Exception {
        Path run = dir.resolve("ema");
        assertEquals(0, GanCli.run(withData("train", "gan", "--out", run.toString(), "--batch", "16",
                "--max-iterations", "4", "--checkpoint-every", "2", "--ema", "0.9", "--ema-start", "1")));
        assertTrue(Files.readString(run.resolve("config.properties")).contains("averagingDecay=0.9"));
        assertEquals(0, GanCli.run("resume", "--run", run.toString(), "--max-iterations", "6"));
        Checkpoint cp = Checkpoint.read(run);
        assertEquals(6, cp.iteration());
        assertEquals(new WeightAveraging(0.9, 1), cp.averaging().orElseThrow(), "resume kept the averaging");

        // inference gets the averaged weights: they differ from the trained ones stored in the checkpoint
        GanVariant restored = cp.restoreVariant();
        INDArray averaged = restored.networks().get("generator").params();
        INDArray trained = cp.loadNetwork("generator").params();
        assertNotEquals(trained, averaged);
        // the exported generator is the averaged one (its weight matrices; batch-norm statistics are re-estimated)
        INDArray exported = ModelSerializer.restoreMultiLayerNetwork(run.resolve("generator.zip").toFile()).getLayer(0).params();
        assertEquals(((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) restored.networks().get("generator").model()).getLayer(0).params(), exported);
    }

    @Test
    void emaZeroAndBadValues() throws Exception {
        Path off = dir.resolve("off");
        assertEquals(0, GanCli.run(withData("train", "gan", "--out", off.toString(), "--batch", "16",
                "--max-iterations", "2", "--ema", "0")));
        assertTrue(Checkpoint.read(off).averaging().isEmpty());
        assertEquals(2, GanCli.run(withData("train", "gan", "--out", dir.resolve("bad").toString(), "--ema", "1.5",
                "--max-iterations", "2")));
        assertTrue(Files.notExists(dir.resolve("bad").resolve("checkpoints")));
    }
}
