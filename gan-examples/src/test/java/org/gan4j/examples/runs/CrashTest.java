package org.gan4j.examples.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunLockedException;
import org.gan4j.core.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of run folders, tested the way databases test theirs: a child JVM ({@link CrashTestChild})
 * trains a tiny GAN with frequent checkpoints and is killed with SIGKILL at seeded random points,
 * many of them inside file writes (a test hook slows every atomic write); after every kill the
 * folder must hold only intact checkpoints and a gap-free loss log, the next start must remove what
 * the killed writer left, and the run, resumed again and again, must end with exactly the losses and
 * weights of an uninterrupted run. Also: a full disk (a small tmpfs where this machine allows
 * mounting one, and a simulated one everywhere) and a second writer.
 *
 * <p>{@code -Dgan4j.crash.kills=N} (default 20) and {@code -Dgan4j.crash.seed=S} choose the kills.
 */
class CrashTest {
    static final int ITERATIONS = 150;
    static final int CHECKPOINT_EVERY = 7;

    @TempDir
    static Path dir;

    static List<String> reference;
    static Path referenceRun;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        referenceRun = dir.resolve("reference");
        Child c = Child.start(referenceRun, ITERATIONS);
        assertEquals(ITERATIONS, c.awaitDone());
        reference = lossColumns(referenceRun);
        assertEquals(ITERATIONS + 1, reference.size());
    }

    @Test
    void killedAtRandomPointsTheRunResumesExactly() throws Exception {
        Path run = dir.resolve("killed");
        int kills = Integer.getInteger("gan4j.crash.kills", 20);
        Random random = new Random(Long.getLong("gan4j.crash.seed", 20261202L));
        int survived = 0;
        int insideWrites = 0;
        int beforeFirstCheckpoint = 0;
        List<Path> leftovers = List.of();
        int lastStart = 0;
        for (int k = 0; k < kills; k++) {
            Child c = Child.start(run, ITERATIONS, "-D" + AtomicFiles.SLOW_WRITE_PROPERTY + "=3");
            int started = c.awaitStarted();
            for (Path p : leftovers) {
                assertFalse(Files.exists(p), "the restart did not remove " + p);
            }
            assertTrue(started >= lastStart, "resumed at " + started + " after having resumed at " + lastStart);
            lastStart = started;
            if (started == ITERATIONS) {
                c.kill();
                break;
            }
            // kind 0: inside the next checkpoint write; 1: anywhere soon; 2: right after the start
            // (loss-log rewrite, first sample grid); the first two kills hit the first checkpoint
            int kind = k == 0 ? 0 : k == 1 ? 2 : random.nextInt(3);
            int trigger = switch (kind) {
                case 0 -> (started / CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY;
                case 1 -> started + 1 + random.nextInt(2 * CHECKPOINT_EVERY);
                default -> started;
            };
            if (trigger > ITERATIONS || (kind != 2 && !c.awaitIteration(trigger))) {
                c.kill();
                continue;
            }
            // where the kill lands is the experiment: a random delay into the write that follows
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(kind == 1 ? 6 : 30)));
            c.kill();
            if (Checkpoint.latestIn(run.resolve("checkpoints")).isEmpty() && Files.isDirectory(run)) {
                beforeFirstCheckpoint++;
            }
            leftovers = temporaryFiles(run);
            if (!leftovers.isEmpty()) {
                insideWrites++;
            }
            assertConsistent(run);
            survived++;
        }
        Child last = Child.start(run, ITERATIONS);
        assertEquals(ITERATIONS, last.awaitDone());
        assertEquals(List.of(), temporaryFiles(run), "temporary files survived");
        assertEquals(reference, lossColumns(run), "losses differ from the uninterrupted run");
        assertSameWeights(referenceRun, run);
        System.out.printf("crash test: %d kills survived (%d inside a file write, %d before the first checkpoint);"
                + " losses and weights equal an uninterrupted run%n", survived, insideWrites, beforeFirstCheckpoint);
        assertTrue(survived >= kills / 2, "too few kills landed: " + survived);
        assertTrue(insideWrites > 0, "no kill landed inside a write");
    }

    @Test
    void aFullDiskFailsWithTheReasonAndLosesNothing() throws Exception {
        // simulated everywhere: every atomic write longer than 2 KiB fails as on a full disk
        Path run = dir.resolve("full-simulated");
        Child c = Child.start(run, ITERATIONS, "-D" + AtomicFiles.FAIL_WRITE_PROPERTY + "=2048");
        String error = c.awaitFailure();
        assertTrue(error.contains("No space left on device") && error.contains("ckpt-0000007.zip"), error);
        assertEquals(List.of(), temporaryFiles(run));
        assertConsistent(run);
        assertResumesToTheReference(run);

        Path mount = dir.resolve("tmpfs");
        Files.createDirectories(mount);
        if (!mountSmallTmpfs(mount)) {
            System.out.println("crash test: real full-disk case skipped: cannot mount a tmpfs here (needs root)");
            return;
        }
        try {
            Path onTmpfs = mount.resolve("run");
            Child small = Child.start(onTmpfs, ITERATIONS);
            String realError = small.awaitFailure();
            assertTrue(realError.contains("No space left on device"), realError);
            assertEquals(List.of(), temporaryFiles(onTmpfs));
            assertConsistent(onTmpfs);
            Path moved = dir.resolve("full-real");
            copyFolder(onTmpfs, moved);
            assertResumesToTheReference(moved);
            System.out.println("crash test: real full disk (tmpfs): " + realError);
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aSecondWriterIsRefusedAndAKilledOwnerDoesNotBlock() throws Exception {
        Path run = dir.resolve("shared");
        Child owner = Child.start(run, ITERATIONS, "hold");
        owner.awaitStarted();
        RunLockedException e = assertThrows(RunLockedException.class, () -> RunDirectory.open(run, "test"));
        assertTrue(e.getMessage().contains("process " + owner.process.pid()), e.getMessage());
        Child second = Child.start(run, ITERATIONS);
        String refused = second.awaitFailure();
        assertTrue(refused.contains("in use by process " + owner.process.pid()), refused);
        assertFalse(Files.exists(run.resolve("losses.csv")), "the refused writer wrote into the folder");
        owner.kill();
        try (RunDirectory mine = RunDirectory.open(run, "test")) {
            // the same process cannot open it twice either
            assertThrows(RunLockedException.class, () -> RunDirectory.open(run, "test again"));
        }
        RunDirectory.open(run, "test after close").close();
    }

    private static void assertResumesToTheReference(Path run) throws Exception {
        Child again = Child.start(run, ITERATIONS);
        assertEquals(ITERATIONS, again.awaitDone());
        assertEquals(reference, lossColumns(run));
        assertSameWeights(referenceRun, run);
    }

    /** What must hold at any moment after a kill. */
    private static void assertConsistent(Path run) throws IOException {
        Path checkpoints = run.resolve("checkpoints");
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> files = Files.list(checkpoints)) {
                for (Path f : files.filter(f -> !AtomicFiles.isTemporary(f)).toList()) {
                    Checkpoint.read(f).verified(); // never half-written under its final name
                }
            }
        }
        Path log = run.resolve("losses.csv");
        if (Files.exists(log)) {
            String text = Files.readString(log);
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!text.isEmpty() && !text.endsWith("\n")) {
                lines.remove(lines.size() - 1); // a row cut short by the kill: dropped on resume
            }
            for (int i = 1; i < lines.size(); i++) {
                assertEquals(Integer.toString(i), lines.get(i).split(",")[0], "row " + i + " of " + log);
            }
        }
    }

    /** The loss log without its wall-clock column. */
    private static List<String> lossColumns(Path run) throws IOException {
        return Files.readAllLines(run.resolve("losses.csv")).stream().map(l -> {
            List<String> cells = new ArrayList<>(Arrays.asList(l.split(",", -1)));
            cells.remove(2);
            return String.join(",", cells);
        }).toList();
    }

    private static void assertSameWeights(Path a, Path b) throws IOException {
        Checkpoint ca = Checkpoint.read(a.resolve("checkpoints"));
        Checkpoint cb = Checkpoint.read(b.resolve("checkpoints"));
        assertEquals(ca.iteration(), cb.iteration());
        for (String net : ca.networkNames()) {
            assertEquals(ca.loadNetwork(net).params(), cb.loadNetwork(net).params(), net);
            assertNotEquals(0, ca.loadNetwork(net).params().length());
        }
    }

    private static List<Path> temporaryFiles(Path run) throws IOException {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(AtomicFiles::isTemporary).toList();
        }
    }

    private static boolean mountSmallTmpfs(Path mount) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** A child JVM with this test's class path and its standard output read line by line. */
    private static final class Child {
        final Process process;
        final BufferedReader out;
        final Path errors;

        private Child(Process process, Path errors) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.errors = errors;
        }

        static Child start(Path run, int iterations, String... extra) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G"));
            boolean hold = false;
            for (String e : extra) {
                if (e.equals("hold")) {
                    hold = true;
                } else {
                    cmd.add(e);
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashTestChild.class.getName(),
                    run.toString(), Integer.toString(iterations), Integer.toString(CHECKPOINT_EVERY)));
            if (hold) {
                cmd.add("hold");
            }
            Path errors = Files.createTempFile(dir, "child", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errors.toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            return new Child(pb.start(), errors);
        }

        private String next() throws IOException {
            String line = out.readLine();
            if (line == null) {
                return null;
            }
            int at = line.indexOf("@@");
            return at < 0 ? "" : line.substring(at + 2);
        }

        int awaitStarted() throws IOException {
            for (String l; (l = next()) != null; ) {
                if (l.startsWith("started ")) {
                    return Integer.parseInt(l.substring(8).trim());
                }
            }
            return fail("child ended before it started: " + Files.readString(errors));
        }

        /** True once the child reports {@code iteration}; false if it finished first. */
        boolean awaitIteration(int iteration) throws IOException {
            for (String l; (l = next()) != null; ) {
                if (l.equals("it " + iteration)) {
                    return true;
                }
                if (l.startsWith("done")) {
                    return false;
                }
            }
            return false;
        }

        int awaitDone() throws Exception {
            for (String l; (l = next()) != null; ) {
                if (l.startsWith("done ")) {
                    assertEquals(0, process.waitFor(), Files.readString(errors));
                    return Integer.parseInt(l.substring(5).trim());
                }
            }
            return fail("child ended without finishing: " + Files.readString(errors));
        }

        /** The child's error line; fails unless it exits with an error. */
        String awaitFailure() throws Exception {
            while (next() != null) {
                // drain
            }
            int code = process.waitFor();
            String err = Files.readString(errors);
            assertEquals(2, code, err);
            return err.lines().filter(l -> l.startsWith("error:")).findFirst().orElse(err);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
