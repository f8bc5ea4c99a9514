package org.gan4j.core.listeners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * Saves complete checkpoints ({@link Trainer#saveCheckpoint}) every {@code everyIterations}
 * iterations, at the end of every epoch and when training ends, as {@code ckpt-0001234.zip}, and
 * keeps only the newest {@code keepLast}. Each file is written atomically, so the previous one is
 * intact if the process dies while writing.
 */
public final class CheckpointListener implements TrainingListener {
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.zip");

    private final Path folder;
    private final int everyIterations;
    private final int keepLast;
    private int lastSaved = -1;

    public CheckpointListener(Path folder, int everyIterations, int keepLast) {
        if (everyIterations <= 0 || keepLast <= 0) {
            throw new IllegalArgumentException("everyIterations and keepLast must be positive");
        }
        this.folder = folder;
        this.everyIterations = everyIterations;
        this.keepLast = keepLast;
    }

    /** The file name used for the checkpoint after {@code iteration} iterations. */
    public static String fileName(int iteration) {
        return String.format("ckpt-%07d.zip", iteration);
    }

    @Override
    public void onIteration(Trainer t, Map<String, Double> losses) {
        if (t.iteration() % everyIterations == 0) {
            save(t);
        }
    }

    @Override
    public void onEpochEnd(Trainer t) {
        save(t);
    }

    @Override
    public void onEnd(Trainer t) {
        save(t);
    }

    private void save(Trainer t) {
        if (t.iteration() == lastSaved) {
            return;
        }
        t.releaseMemory(); // serialising the networks allocates copies for a moment
        t.saveCheckpoint(folder.resolve(fileName(t.iteration())));
        lastSaved = t.iteration();
        prune();
    }

    private void prune() {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> old = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(iterationOf(b), iterationOf(a)))
                    .skip(keepLast).toList();
            for (Path f : old) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune old checkpoints in " + folder + ": "
                    + org.gan4j.core.io.IoErrors.describe(e), e);
        }
    }

    /** The iteration in a checkpoint file name written by this listener, or -1 for any other file. */
    public static int iterationOf(Path f) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
