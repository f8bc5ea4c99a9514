package org.gan4j.core.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.train.LinearVariant;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listener behaviour with a minimal variant: one linear "generator" fitted to the data. */
class ListenersTest {
    @TempDir
    Path dir;


    @Test
    void checkpointsEveryNAtEpochEndsAndKeepsTheNewest() throws Exception {
        Path cps = dir.resolve("cp");
        Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(3).seed(1)
                .listeners(new CheckpointListener(cps, 3, 2)).build().fit();
        // saves at 3, 4 (epoch end), 6, 8, 9, 12 -> newest two kept
        try (var files = Files.list(cps)) {
            assertEquals(List.of("ckpt-0000009.zip", "ckpt-0000012.zip"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void lossLogHasOneRowPerIterationAndDropsRowsPastTheResumePoint() throws Exception {
        Path csv = dir.resolve("losses.csv");
        Path cps = dir.resolve("cp");
        Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(2).seed(1)
                .listeners(new LossLogListener(csv), new CheckpointListener(cps, 5, 5)).build().fit();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,epoch,seconds,loss_fit", lines.get(0));
        assertEquals(9, lines.size());
        assertTrue(lines.get(8).startsWith("8,1,"), lines.get(8));

        // resume from iteration 5: rows 6..8 are rewritten by the continued run, not duplicated
        Trainer t = Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(2).seed(1)
                .listeners(new LossLogListener(csv)).build();
        t.resumeFrom(cps.resolve(CheckpointListener.fileName(5)));
        t.fit();
        List<String> after = Files.readAllLines(csv);
        assertEquals(9, after.size());
        for (int i = 1; i <= 8; i++) {
            assertTrue(after.get(i).startsWith(i + ","), after.get(i));
            // same losses as the first run: resume is exact
            assertEquals(lines.get(i).split(",")[3], after.get(i).split(",")[3]);
        }
    }

    @Test
    void sampleGridsBeforeEveryNAndAtTheEnd() throws Exception {
        Path samples = dir.resolve("samples");
        Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(1).seed(1).maxIterations(3)
                .listeners(new SampleGridListener(samples, 2, 2)).build().fit();
        try (var files = Files.list(samples)) {
            assertEquals(List.of("iter-000000.png", "iter-000002.png", "iter-000003.png", "latest.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void progressLineShowsEpochCountsAndLosses() {
        var out = new java.io.ByteArrayOutputStream();
        Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(1).seed(1)
                .listeners(new ProgressListener(new java.io.PrintStream(out, true), false, 0)).build().fit();
        String text = out.toString();
        assertTrue(text.contains("epoch 1/1 [#####---------------] 1/4"), text);
        assertTrue(text.contains("loss_fit"), text);
        assertTrue(text.contains("done: 4 iterations"), text);
        assertEquals("1:01:01", ProgressListener.clock(3661));
    }
}
