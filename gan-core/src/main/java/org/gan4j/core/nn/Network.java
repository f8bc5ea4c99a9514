package org.gan4j.core.nn;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable DL4J network driven step by step by a GAN variant: forward in training mode,
 * backward from an external output gradient, then one optimizer step.
 *
 * <p>Gradient convention: every gradient passed in or returned is the gradient of the
 * <em>mean</em> loss over the batch. Several {@link #backward} calls before one
 * {@link #applyGradients} add up (e.g. a discriminator's real and fake halves).
 *
 * <p>The optimizer (updater), its learning-rate schedule, regularisation and weight
 * initialisation are those of the wrapped network's DL4J configuration.
 */
public interface Network {

    /** The wrapped DL4J network ({@code MultiLayerNetwork} or {@code ComputationGraph}). */
    Model model();

    /** Forward pass in training mode (batch norm batch statistics, dropout on); remembers what backward needs. */
    INDArray forward(INDArray input);

    /**
     * Inference: forward pass in test mode. Call it outside a forward/backward pair (DL4J clears
     * the stored layer inputs); pending parameter gradients are not affected.
     */
    INDArray output(INDArray input);

    /**
     * Back-propagates the gradient of the mean loss w.r.t. the output of the last {@link #forward}
     * and adds the parameter gradients to the pending ones.
     */
    void backward(INDArray outputGradient);

    /**
     * Applies the pending parameter gradients with the network's own updater (e.g. Adam), advances
     * its iteration count and clears the pending gradients.
     *
     * @throws IllegalStateException when no backward pass is pending
     */
    void applyGradients();

    /** Flattened parameters (a live view: do not modify). */
    INDArray params();

    /** Number of parameters, including batch-norm running statistics. */
    default long numParams() {
        return model().numParams();
    }

    /** Optimizer steps taken so far. */
    int iteration();

    /** The epoch number passed to the updater (for epoch-based learning-rate schedules). */
    int epoch();

    /** Sets the epoch number used by the updater's schedules. */
    void setEpoch(int epoch);

    /** The updater's state (e.g. Adam's moments) as a flat live view, or an empty array if it has none. */
    INDArray updaterState();

    /**
     * Copies parameters, optimizer state and iteration/epoch counters from a saved network of the
     * same architecture (e.g. one read from a checkpoint), discarding pending gradients.
     *
     * @throws IllegalArgumentException if the architectures differ
     */
    void copyStateFrom(Model saved);
}
