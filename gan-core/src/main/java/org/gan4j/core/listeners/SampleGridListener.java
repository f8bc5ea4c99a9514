package org.gan4j.core.listeners;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.image.ImageGrid;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * Writes the variant's {@link Preview} (the same fixed inputs every time) as a PNG grid before
 * training, every {@code everyIterations} iterations and at the end: {@code iter-000500.png} and
 * {@code latest.png} in the folder.
 */
public final class SampleGridListener implements TrainingListener {
    private final Path folder;
    private final int everyIterations;
    private final int scale;
    private int lastWritten = -1;

    /**
     * @param scale integer magnification of each image (e.g. 2 for 28x28 digits)
     */
    public SampleGridListener(Path folder, int everyIterations, int scale) {
        if (everyIterations <= 0 || scale <= 0) {
            throw new IllegalArgumentException("everyIterations and scale must be positive");
        }
        this.folder = folder;
        this.everyIterations = everyIterations;
        this.scale = scale;
    }

    @Override
    public void onStart(Trainer t) {
        if (t.iteration() == 0) {
            write(t);
        }
    }

    @Override
    public void onIteration(Trainer t, Map<String, Double> losses) {
        if (t.iteration() % everyIterations == 0) {
            write(t);
        }
    }

    @Override
    public void onEnd(Trainer t) {
        write(t);
    }

    private void write(Trainer t) {
        if (lastWritten == t.iteration()) {
            return;
        }
        t.releaseMemory(); // sampling (batch-norm calibration) allocates hundreds of MB for a moment
        // with the averaged generator weights when the run averages them
        Preview p = t.withAveragedWeights(() -> t.variant().preview(t.seed()));
        BufferedImage grid = ImageGrid.scaled(ImageGrid.of(p.images(), p.columns(), 2), scale);
        try {
            ImageFiles.writePng(grid, folder.resolve(String.format("iter-%06d.png", t.iteration())));
            ImageFiles.writePng(grid, folder.resolve("latest.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample grid into " + folder + ": "
                    + org.gan4j.core.io.IoErrors.describe(e), e);
        }
        lastWritten = t.iteration();
    }
}
