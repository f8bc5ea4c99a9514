package org.gan4j.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link FeatureDiscriminator} over a {@link MultiLayerNetwork}. With feature gradients, the backward pass
 * runs layer by layer (as MultiLayerNetwork's own, without workspaces) and adds each feature's gradient
 * to the gradient flowing out of the layer after it.
 */
final class FeatureLayerAdapter extends MultiLayerAdapter implements FeatureDiscriminator {
    private final int[] featureLayers;
    private List<INDArray> features = List.of();
    /** Feature gradients of the inputGradient call in progress, by layer index; null otherwise. */
    private INDArray[] injected;

    FeatureLayerAdapter(MultiLayerNetwork net, int[] featureLayers) {
        super(net, null);
        int n = net.getnLayers();
        for (int i : featureLayers) {
            if (i < 0 || i >= n - 1) {
                throw new IllegalArgumentException("feature layer " + i + " is not a layer before the last one (0.."
                        + (n - 2) + "): " + Arrays.toString(featureLayers));
            }
        }
        this.featureLayers = featureLayers.clone();
    }

    @Override
    INDArray forwardTraining(INDArray input) {
        net.setInput(input);
        List<INDArray> activations = net.feedForward(true, false); // [input, layer 0, layer 1, ...]
        List<INDArray> f = new ArrayList<>(featureLayers.length);
        for (int i : featureLayers) {
            f.add(activations.get(i + 1));
        }
        features = Collections.unmodifiableList(f);
        return activations.get(activations.size() - 1);
    }

    @Override
    public List<INDArray> features() {
        return features;
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient, List<INDArray> featureGradients) {
        if (featureGradients.size() != featureLayers.length) {
            throw new IllegalArgumentException("expected " + featureLayers.length + " feature gradients, got "
                    + featureGradients.size());
        }
        INDArray[] byLayer = new INDArray[net.getnLayers()];
        for (int k = 0; k < featureLayers.length; k++) {
            INDArray g = featureGradients.get(k);
            if (g == null) {
                continue;
            }
            if (k < features.size() && !Arrays.equals(g.shape(), features.get(k).shape())) {
                throw new IllegalArgumentException("feature gradient " + k + " has shape " + Arrays.toString(g.shape())
                        + ", the feature " + Arrays.toString(features.get(k).shape()));
            }
            int layer = featureLayers[k];
            byLayer[layer] = byLayer[layer] == null ? g : byLayer[layer].add(g);
        }
        injected = byLayer;
        try {
            return inputGradient(outputGradient);
        } finally {
            injected = null;
        }
    }

    @Override
    Backprop backpropagate(INDArray outputGradient) {
        if (injected == null) {
            return super.backpropagate(outputGradient);
        }
        if (net.getGradientsViewArray() == null) {
            net.initGradientsView(); // as MultiLayerNetwork's own backward pass does on first use
        }
        Layer[] layers = net.getLayers();
        int batch = (int) outputGradient.size(0);
        INDArray eps = outputGradient.dup();
        for (int i = layers.length - 1; i >= 0; i--) {
            Pair<?, INDArray> p = layers[i].backpropGradient(eps, NO_WORKSPACES);
            eps = p.getSecond();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                eps = pre.backprop(eps, batch, NO_WORKSPACES);
            }
            if (i > 0 && injected[i - 1] != null) {
                eps = eps.add(injected[i - 1]); // d(feature loss)/d(output of layer i - 1)
            }
        }
        return new Backprop(new DefaultGradient(), eps.isAttached() ? eps.detach() : eps);
    }
}
