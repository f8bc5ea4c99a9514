package org.gan4j.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gan4j.core.listeners.CheckpointListener;
import org.gan4j.core.listeners.ListenersTest.LinearVariant;
import org.gan4j.core.listeners.ListenersTest;
import org.gan4j.core.listeners.LossLogListener;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void oneOwnerAtATimeNamedInTheRefusal() throws Exception {
        Path root = dir.resolve("run");
        try (RunDirectory run = RunDirectory.open(root, "first owner")) {
            assertTrue(Files.readString(root.resolve(RunDirectory.LOCK_FILE)).contains("pid=" + ProcessHandle.current().pid()));
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunDirectory.open(root, "second"));
            assertTrue(e.getMessage().contains("first owner") && e.getMessage().contains("in use"), e.getMessage());
            assertEquals(root, e.folder());
        }
        RunDirectory.open(root, "after close").close();
    }

    @Test
    void aFileIsNotARunFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        var e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(file, "t"));
        assertTrue(e.getMessage().contains("is an existing file"), e.getMessage());
    }

    @Test
    void openingRemovesWhatAKilledWriterLeft() throws Exception {
        Path root = dir.resolve("run");
        Files.createDirectories(root.resolve("checkpoints"));
        Path tmpCheckpoint = Files.writeString(root.resolve("checkpoints/.ckpt-0000005.zip123.tmp"), "half");
        Path tmpLog = Files.writeString(root.resolve(".losses.csv77.tmp"), "half");
        Path kept = Files.writeString(root.resolve("notes.txt"), "mine");
        try (RunDirectory run = RunDirectory.open(root, "t")) {
            assertEquals(2, run.removedLeftovers().size());
        }
        assertFalse(Files.exists(tmpCheckpoint));
        assertFalse(Files.exists(tmpLog));
        assertTrue(Files.exists(kept));
    }

    @Test
    void aDamagedNewestCheckpointIsNamedAndSkipped() throws Exception {
        try (RunDirectory run = RunDirectory.open(dir.resolve("run"), "t")) {
            Trainer.builder(new LinearVariant(), ListenersTest.data()).epochs(1).seed(1)
                    .listeners(new CheckpointListener(run.checkpoints(), 2, 5)).build().fit();
            Path newest = run.checkpointFiles().get(0);
            assertEquals(CheckpointListener.fileName(4), newest.getFileName().toString());
            try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
                f.seek(f.length() / 2);
                f.write(new byte[64]); // bit rot in the middle of the networks
            }
            List<String> warnings = new ArrayList<>();
            Checkpoint cp = run.newestValidCheckpoint(warnings::add).orElseThrow();
            assertEquals(2, cp.iteration());
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains(newest.toString()) && warnings.get(0).contains("is damaged"), warnings.get(0));
            assertThrows(java.io.IOException.class, () -> Checkpoint.read(newest).verified());
        }
    }

    @Test
    void configRoundTripAndWhichCheckpointsItDescribes() throws Exception {
        Path file = dir.resolve("config.properties");
        RunConfig c = new RunConfig("linear", Map.of("width", "4"), Map.of("seed", "1", "epochs", "1", "batch", "3"));
        c.write(file);
        assertEquals(c, RunConfig.read(file));
        assertEquals("9", c.withRun(RunConfig.MAX_ITERATIONS, "9").run(RunConfig.MAX_ITERATIONS, null));

        Trainer t = Trainer.builder(new LinearVariant(), ListenersTest.data()).epochs(1).seed(1).runConfig("batch", "3").build();
        t.saveCheckpoint(dir.resolve("a.zip"));
        Checkpoint cp = Checkpoint.read(dir.resolve("a.zip"));
        assertTrue(new RunConfig("linear", Map.of(), Map.of("seed", "1")).describes(cp));
        assertFalse(new RunConfig("linear", Map.of(), Map.of("seed", "2")).describes(cp));
        assertFalse(new RunConfig("linear", Map.of(), Map.of("seed", "1", "batch", "4")).describes(cp));
    }

    @Test
    void aRowCutShortByACrashIsDroppedOnResume() throws Exception {
        Path csv = dir.resolve("losses.csv");
        Path cps = dir.resolve("cp");
        Trainer.builder(new LinearVariant(), ListenersTest.data()).epochs(1).seed(1).maxIterations(3)
                .listeners(new LossLogListener(csv), new CheckpointListener(cps, 3, 3)).build().fit();
        List<String> complete = Files.readAllLines(csv);
        Files.writeString(csv, "4,1,0.1", java.nio.file.StandardOpenOption.APPEND); // killed mid-append
        Trainer t = Trainer.builder(new LinearVariant(), ListenersTest.data()).epochs(1).seed(1)
                .listeners(new LossLogListener(csv)).build();
        t.resumeFrom(cps.resolve(CheckpointListener.fileName(3)));
        t.fit();
        List<String> after = Files.readAllLines(csv);
        assertEquals(complete, after.subList(0, 4));
        assertEquals(5, after.size());
        assertTrue(after.get(4).startsWith("4,0,"), after.get(4));

        Path copy = dir.resolve("branch.csv");
        LossLogListener.copyRows(csv, copy, 2);
        assertEquals(after.subList(0, 3), Files.readAllLines(copy));
    }
}
