package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.core.run.RunConfig;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-folder cases of issue 11, through the command line (MLP GAN on MNIST, a few iterations). */
class RunFolderCliTest {
    @TempDir
    static Path dir;

    static String mnist;

    @BeforeAll
    static void data() {
        Path shared = Path.of(System.getProperty("gan4j.test.mnist", "../../shared/data/mnist"));
        mnist = Files.isDirectory(shared) ? shared.toString() : null;
    }

    /** Exit code and everything printed. */
    record Result(int code, String output) {}

    private static Result gan(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int code = GanCli.run(args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Path train(String name, String... extra) {
        Path run = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "gan", "--out", run.toString(), "--batch", "16",
                "--checkpoint-every", "2", "--keep", "10", "--sample-every", "100"));
        if (mnist != null) {
            args.addAll(List.of("--data", mnist));
        }
        args.addAll(List.of(extra));
        Result r = gan(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.output());
        return run;
    }

    private static List<String> lossColumns(Path run) throws Exception {
        return Files.readAllLines(run.resolve("losses.csv")).stream().map(l -> {
            List<String> cells = new ArrayList<>(Arrays.asList(l.split(",", -1)));
            cells.remove(2); // wall-clock seconds
            return String.join(",", cells);
        }).toList();
    }

    private static String snapshot(Path run) throws Exception {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.walk(run)) {
            // .lock holds the latest opener's pid (for refusal messages), not run data
            for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.endsWith(RunDirectory.LOCK_FILE)).sorted().toList()) {
                s.append(run.relativize(f)).append(' ').append(Arrays.hashCode(Files.readAllBytes(f))).append('\n');
            }
        }
        return s.toString();
    }

    @Test
    void anOlderCheckpointBranchesAndNeverTouchesTheSourceRun() throws Exception {
        Path run = train("source", "--max-iterations", "6");
        String before = snapshot(run);
        Path older = run.resolve("checkpoints/ckpt-0000002.zip");

        Result refused = gan("resume", "--checkpoint", older.toString(), "--max-iterations", "4");
        assertEquals(2, refused.code(), refused.output());
        assertTrue(refused.output().contains("is not the newest state of run") && refused.output().contains("--out"),
                refused.output());

        Path branch = dir.resolve("branch");
        Result r = gan("resume", "--checkpoint", older.toString(), "--max-iterations", "4", "--out", branch.toString());
        assertEquals(0, r.code(), r.output());
        assertEquals(before, snapshot(run), "the source run changed");
        assertEquals(lossColumns(run).subList(0, 5), lossColumns(branch), "the branch continues exactly");
        assertEquals(4, Checkpoint.read(branch.resolve("checkpoints")).iteration());
        RunConfig config = RunConfig.read(branch.resolve("config.properties"));
        assertEquals(older.toAbsolutePath().toString(), config.run("branchedFrom", null));

        Result exists = gan("resume", "--checkpoint", older.toString(), "--out", branch.toString());
        assertEquals(2, exists.code());
        assertTrue(exists.output().contains("already exists"), exists.output());
    }

    @Test
    void oneWriterAndAPlanThatResumeHonoursAndExtendsOnlyWhenTold() throws Exception {
        Path run = train("planned", "--max-iterations", "3");
        String before = snapshot(run);
        try (RunDirectory owner = RunDirectory.open(run, "the test's own lock")) {
            // one writer per run folder: resume and train are refused while another owner holds it
            Result r = gan("resume", "--run", run.toString(), "--max-iterations", "4");
            assertEquals(2, r.code());
            assertTrue(r.output().contains("is in use by this process") && r.output().contains("the test's own lock"),
                    r.output());
            assertEquals(2, gan("train", "gan", "--out", run.toString(), "--max-iterations", "1").code());
        }
        assertEquals(before, snapshot(run));
        Result done = gan("resume", "--run", run.toString());
        assertEquals(0, done.code(), done.output());
        assertTrue(done.output().contains("is complete: iteration 3"), done.output());
        assertEquals(before, snapshot(run));

        Result more = gan("resume", "--run", run.toString(), "--max-iterations", "5");
        assertEquals(0, more.code(), more.output());
        assertEquals(5, Checkpoint.read(run.resolve("checkpoints")).iteration());
        assertEquals("5", RunConfig.read(run.resolve("config.properties")).run(RunConfig.MAX_ITERATIONS, null));

        Result shrink = gan("resume", "--run", run.toString(), "--max-iterations", "4");
        assertEquals(2, shrink.code(), shrink.output());
        assertTrue(shrink.output().contains("a run only grows"), shrink.output());
    }

    @Test
    void aDamagedNewestCheckpointIsNamedAndTheRunFallsBack() throws Exception {
        Path run = train("damaged", "--max-iterations", "4");
        List<String> losses = lossColumns(run);
        Path newest = run.resolve("checkpoints/ckpt-0000004.zip");
        try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[256]);
        }
        Result r = gan("resume", "--run", run.toString(), "--max-iterations", "5");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("warning: " + newest) && r.output().contains("is damaged"), r.output());
        assertTrue(r.output().contains("resuming " + run.resolve("checkpoints/ckpt-0000002.zip")), r.output());
        assertEquals(losses, lossColumns(run).subList(0, 5), "iterations 3 and 4 recomputed exactly");
        assertEquals(6, lossColumns(run).size());
    }

    @Test
    void aRunThatDiedBeforeItsFirstCheckpointStartsAgainCleanly() throws Exception {
        Path run = train("early", "--max-iterations", "2");
        List<String> losses = lossColumns(run);
        // as after a kill during the first checkpoint write: rows, no checkpoint, a temporary file
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Path leftover = Files.writeString(run.resolve("checkpoints/.ckpt-0000002.zip42.tmp"), "half");
        Result r = gan("resume", "--run", run.toString());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("stopped before its first checkpoint"), r.output());
        assertFalse(Files.exists(leftover));
        assertEquals(losses, lossColumns(run));
    }

    @Test
    void badNumbersAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path neg = dir.resolve("negative-epochs");
        Result r = gan("train", "gan", "--out", neg.toString(), "--epochs", "-1");
        assertEquals(2, r.code());
        assertTrue(r.output().startsWith("error: Invalid value for option '--epochs': '-1' must be a positive"), r.output());
        assertFalse(Files.exists(neg), "a refused train left a folder");
        for (String[] args : List.of(new String[] {"sample", "--checkpoint", "x", "--out", "y", "--batch", "-1"},
                new String[] {"bench", "gan", "--batch", "0"}, new String[] {"bench", "gan", "--iterations", "-1", "--no-guard"},
                new String[] {"resume", "--run", "x", "--max-iterations", "0"}, new String[] {"train", "gan", "--out", "z", "--keep", "x"})) {
            Result bad = gan(args);
            assertEquals(2, bad.code(), String.join(" ", args));
            assertTrue(bad.output().startsWith("error: Invalid value") && bad.output().lines().count() == 1, bad.output());
        }
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result f = gan("train", "gan", "--out", file.toString(), "--max-iterations", "1");
        assertEquals(2, f.code());
        assertTrue(f.output().contains(file + " is an existing file, not a folder"), f.output());

        Path images = dir.resolve("images");
        Files.createDirectories(images);
        Result split = gan("data", "split", "--in", images.toString(), "--out", dir.resolve("split").toString(),
                "--into", "train=0.9,val=0.5");
        assertEquals(1, split.code());
        assertTrue(split.output().contains("sum to 1.4, not 1"), split.output());
    }
}
