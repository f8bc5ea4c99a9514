package org.gan4j.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images for a sample grid.
 *
 * @param images NCHW in [-1, 1], in grid order (row by row)
 * @param columns images per grid row
 */
public record Preview(INDArray images, int columns) {
    public Preview {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("preview images must be NCHW, got rank " + images.rank());
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
    }
}
