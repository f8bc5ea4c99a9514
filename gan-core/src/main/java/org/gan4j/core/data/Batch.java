package org.gan4j.core.data;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch handed to a variant's training step.
 *
 * <p>For unconditional GANs {@code a} holds the real images and {@code b} is {@code null}. For
 * image-to-image translation {@code a} holds domain A and {@code b} domain B (paired or not, as
 * the data source says). Images are NCHW, float, scaled to [-1, 1].
 *
 * @param a first (or only) array, never null
 * @param b second array, or null when the data has a single domain
 */
public record Batch(INDArray a, INDArray b) {
    public Batch {
        Objects.requireNonNull(a, "a");
        if (b != null && b.size(0) != a.size(0)) {
            throw new IllegalArgumentException(
                    "batch halves differ in size: a has " + a.size(0) + " rows, b has " + b.size(0));
        }
    }

    /** A batch with a single domain. */
    public static Batch of(INDArray a) {
        return new Batch(a, null);
    }

    /** Number of examples. */
    public int size() {
        return (int) a.size(0);
    }
}
