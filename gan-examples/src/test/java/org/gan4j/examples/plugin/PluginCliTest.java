package org.gan4j.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.ConditionalSampler;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.StepContext;
import org.gan4j.examples.cli.CliOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A plug-in variant ({@link ToyConditionalGan}, known to the command line only through ServiceLoader) trains,
 * resumes exactly, samples per label and benches through the CLI entry point like a built-in one.
 */
class PluginCliTest {
    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = Files.createDirectories(dir.resolve("toy-data"));
        Files.writeString(data.resolve("examples.txt"), "40\n");
    }

    /** Runs the command line; returns {exit code, stdout, stderr}. */
    static String[] run(String... args) {
        return CliOutput.run(args);
    }

    private static void ok(String... args) {
        String[] r = run(args);
        assertEquals("0", r[0], String.join(" ", args) + "\n" + r[1] + r[2]);
    }

    private static void train(Path out, int iterations) {
        ok("train", "toycgan", "--out", out.toString(), "--data", data.toString(), "--batch", "10", "--seed", "3",
                "--max-iterations", Integer.toString(iterations), "--checkpoint-every", "3", "--sample-every", "3");
    }

    @Test
    void trainsAndResumesExactlyAcrossAnEpochBoundary() throws Exception {
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        train(whole, 6);
        train(resumed, 3);
        assertEquals(3, Checkpoint.read(resumed).iteration());
        ok("resume", "--run", resumed.toString(), "--max-iterations", "6");
        // 40 examples, batch 10: 4 batches per epoch, so iterations 4..6 are in the second epoch
        Checkpoint a = Checkpoint.read(whole);
        Checkpoint b = Checkpoint.read(resumed);
        assertEquals(6, a.iteration());
        assertEquals(6, b.iteration());
        GanVariant va = a.restoreVariant();
        GanVariant vb = b.restoreVariant();
        for (Map.Entry<String, Network> e : va.networks().entrySet()) {
            Network other = vb.networks().get(e.getKey());
            assertArrayEquals(e.getValue().params().data().asFloat(), other.params().data().asFloat(),
                    e.getKey() + " parameters");
            assertArrayEquals(e.getValue().updaterState().data().asFloat(), other.updaterState().data().asFloat(),
                    e.getKey() + " optimizer state");
        }
        assertTrue(Files.exists(whole.resolve("generator.zip")), "the generator exported as a plain DL4J model");
        String config = Files.readString(whole.resolve("config.properties"));
        assertTrue(config.contains("variant=toycgan"), config);
    }

    @Test
    void samplesARequestedLabelOrEveryLabel() throws Exception {
        Path run = dir.resolve("sampled");
        train(run, 2);
        Path one = dir.resolve("label7");
        ok("sample", "--checkpoint", run.toString(), "--label", "7", "--n", "3", "--out", one.toString());
        try (var files = Files.list(one)) {
            assertEquals(List.of("000000-class7.png", "000001-class7.png", "000002-class7.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // the files are G(noise of seed 1, label 7), and the label reaches G: label 0 gives other images
        ConditionalSampler sampler = (ConditionalSampler) Checkpoint.read(run).restoreVariant();
        INDArray noise = StepContext.gaussian(new SplittableRandom(1), 3, ToyConditionalGan.NOISE);
        INDArray sevens = sampler.generate(noise, new int[] {7, 7, 7});
        for (int i = 0; i < 3; i++) {
            BufferedImage expected = ImageTensors.toImage(sevens.get(NDArrayIndex.point(i)));
            BufferedImage written = ImageIO.read(one.resolve(String.format("%06d-class7.png", i)).toFile());
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    assertEquals(expected.getRaster().getSample(x, y, 0), written.getRaster().getSample(x, y, 0));
                }
            }
        }
        assertNotEquals(sevens, sampler.generate(noise, new int[] {0, 0, 0}));

        Path grid = dir.resolve("all.png");
        ok("sample", "--checkpoint", run.toString(), "--label", "all", "--n", "2", "--grid", "--out", grid.toString());
        BufferedImage gridImage = ImageIO.read(grid.toFile());
        assertEquals(2 * 28 + 3 * 2, gridImage.getWidth(), "one column per image of a class");
        assertEquals(10 * 28 + 11 * 2, gridImage.getHeight(), "one row per class");

        String[] bad = run("sample", "--checkpoint", run.toString(), "--label", "10", "--out", one.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--label 10") && bad[2].contains("0..9"), bad[2]);
    }

    @Test
    void benchesOnTheSyntheticBatchItsSpecDeclares() {
        String[] r = run("bench", "toycgan", "--batch", "8", "--iterations", "2", "--warmup", "1", "--no-guard");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("gan4j toycgan b8 ms_per_iter="), r[1]);
    }

    @Test
    void itsDataErrorsAndNameReachTheUser() {
        String[] r = run("train", "toycgan", "--out", dir.resolve("nodata").toString(), "--max-iterations", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("toycgan needs --data"), r[2]);
        for (String command : List.of("train", "bench")) {
            String help = run(command, "--help")[1];
            for (String name : List.of("toycgan", "discogan", "dcgan", "pix2pix", "srgan")) {
                assertTrue(help.contains(name), command + " --help lists " + name + ":\n" + help);
            }
        }
    }
}
