package org.gan4j.core.nn;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The generator role: a {@link Network} with a known input shape (per example, without the batch
 * dimension), e.g. {@code [100]} for a latent vector or {@code [3, 256, 256]} for an image.
 *
 * <p>A generator may be a {@link MultiLayerNetwork} or a {@link ComputationGraph} (U-Net skips,
 * residual blocks). It receives its gradient from a {@link Discriminator}'s input gradient.
 */
public interface Generator extends Network {

    /** Input shape of one example (no batch dimension). */
    long[] inputShape();

    /** Wraps a sequential generator. */
    static Generator of(MultiLayerNetwork network, long... inputShape) {
        return new MultiLayerAdapter(network, checkShape(inputShape));
    }

    /** Wraps a graph generator with one input and one output. */
    static Generator of(ComputationGraph network, long... inputShape) {
        return new GraphAdapter(network, checkShape(inputShape));
    }

    private static long[] checkShape(long[] shape) {
        if (shape == null || shape.length == 0 || Arrays.stream(shape).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("input shape must be non-empty and positive, got "
                    + Arrays.toString(shape));
        }
        return shape.clone();
    }
}
