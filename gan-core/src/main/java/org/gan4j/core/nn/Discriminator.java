package org.gan4j.core.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The discriminator (critic) role: a {@link Network} whose output is raw scores (logits) and which
 * can give the gradient w.r.t. its input without changing itself. That input gradient is what
 * trains the generator: no weight copying and no frozen duplicate network.
 *
 * <p>Only {@link MultiLayerNetwork} is accepted: DL4J 1.0.0-M2.1 exposes input gradients for it,
 * while a ComputationGraph clears them before they can be read. Its last layer must not be an
 * output layer (losses are computed by gan4j from the raw scores).
 */
public interface Discriminator extends Network {

    /**
     * Gradient of the mean loss w.r.t. the input of the last {@link #forward}, given the gradient
     * w.r.t. its output. Leaves parameters, updater state and iteration count untouched.
     *
     * @throws IllegalStateException if parameter gradients are pending (call {@link #applyGradients} first)
     */
    INDArray inputGradient(INDArray outputGradient);

    /** Wraps a sequential discriminator. */
    static Discriminator of(MultiLayerNetwork network) {
        return new MultiLayerAdapter(network, null);
    }
}
