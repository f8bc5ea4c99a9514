package org.gan4j.core.train;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images for a sample grid.
 *
 * @param images NCHW in [-1, 1], in grid order (row by row)
 * @param columns images per grid row
 */
public record Preview(INDArray images, int columns) {

    /**
     * The random source of a variant's preview inputs for {@code seed} (e.g. the noise of a sample grid):
     * the same seed gives the same inputs every time, independent of the training streams.
     */
    public static SplittableRandom random(long seed) {
        return new SplittableRandom(Seeds.mix(seed, -1, 0x9e7));
    }

    public Preview {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("preview images must be NCHW, got rank " + images.rank());
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
    }
}
