package org.gan4j.core.nn;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * Gradient of the mean loss w.r.t. the input of the last {@link #forward}, given the gradient
     * w.r.t. its output; leaves parameters, updater state and iteration count untouched (as
     * {@link Discriminator#inputGradient}). CycleGAN-style variants use it to train one generator
     * through another.
     *
     * <p>A {@link MultiLayerNetwork} always supports it; a {@link ComputationGraph} needs an
     * {@link org.gan4j.core.layers.InputGradientTap} as the only consumer of its input.
     *
     * @throws UnsupportedOperationException for a graph without a tap
     * @throws IllegalStateException if parameter gradients are pending (call {@link #applyGradients} first)
     */
    INDArray inputGradient(INDArray outputGradient);

    /**
     * {@link #backward} that also returns the gradient of the mean loss w.r.t. the input of the last
     * {@link #forward}. Unlike {@link #inputGradient} it adds the parameter gradients to the pending
     * ones, so a generator applied on several paths (CycleGAN's cycle and identity terms) costs one
     * backward pass per forward pass. Requirements as {@link #inputGradient}.
     *
     * @throws UnsupportedOperationException for a graph without a tap
     */
    INDArray backwardToInput(INDArray outputGradient);

    /**
     * A second generator over the same parameters (shared, not copied) with its own forward state: for a
     * generator whose backward passes on two inputs must both wait until both forward passes are done
     * (CycleGAN's fake path and cycle path) without running a forward pass twice. Its {@link #backward} and
     * {@link #backwardToInput} passes are pending passes of this generator, applied by this generator's
     * {@link #applyGradients} (which needs at least one pass of its own); the twin's own
     * {@code applyGradients} and {@code copyStateFrom} are not supported. It holds a second set of
     * activations in memory.
     */
    Generator twin();

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
