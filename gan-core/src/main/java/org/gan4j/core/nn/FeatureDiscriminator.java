package org.gan4j.core.nn;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Discriminator} that also shows the activations of some intermediate layers (its features)
 * and gives the generator the gradient of a loss on the output <em>and</em> on those features, as
 * feature matching needs (Salimans et al. 2016; DiscoGAN). The gradient reaches the input through the
 * layers between each feature and the input; D's parameters, optimizer state and counters stay untouched.
 *
 * <p>Training D itself goes through {@link #backward} on the output alone, as for any discriminator.
 */
public interface FeatureDiscriminator extends Discriminator {

    /**
     * The feature activations of the last {@link #forward}, in the order of the layer indices given to
     * {@link #of}; live arrays of the network (copy before modifying, read before the next forward).
     */
    List<INDArray> features();

    /**
     * Gradient of the mean loss w.r.t. the input of the last {@link #forward}, given its gradients w.r.t.
     * the output and w.r.t. each feature (same order and shapes as {@link #features()}; a null entry
     * means no gradient there). Leaves parameters, updater state and iteration count untouched.
     *
     * @throws IllegalArgumentException if the list size or a shape does not match the features
     * @throws IllegalStateException if parameter gradients are pending (call {@link #applyGradients} first)
     */
    INDArray inputGradient(INDArray outputGradient, List<INDArray> featureGradients);

    /**
     * Wraps a sequential discriminator whose features are the outputs (after activation) of the layers
     * with the given indices, e.g. the LeakyReLU outputs of the 2nd, 3rd and 4th convolution blocks.
     *
     * @throws IllegalArgumentException if an index is not a layer before the last one
     */
    static FeatureDiscriminator of(MultiLayerNetwork network, int... featureLayers) {
        return new FeatureLayerAdapter(network, featureLayers);
    }
}
