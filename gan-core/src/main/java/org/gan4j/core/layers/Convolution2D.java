package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link ConvolutionLayer} (same configuration, parameters,
 * initialisation and results) whose backward pass reuses the pre-activation computed by the forward
 * pass instead of running the convolution again.
 *
 * <p>DL4J 1.0.0-M2.1's convolution layer recomputes its forward convolution in every backward pass
 * (to apply the activation's derivative) unless a network-level cache workspace is open, which
 * {@code feedForward} followed by {@code backpropGradient} (the route gan4j's adapters take) never
 * opens. This layer keeps a copy of the pre-activation of its last training forward pass and uses it
 * once, in the next backward pass on the same input; any other backward pass recomputes it as DL4J
 * does. Memory: one extra array the size of the layer's output per layer, between forward and
 * backward.
 */
public class Convolution2D extends ConvolutionLayer {
    /** For JSON deserialisation; use {@link Builder}. */
    public Convolution2D() {
        super();
    }

    /** From a builder. */
    protected Convolution2D(Builder builder) {
        super(builder);
    }

    @Override
    public Convolution2D clone() {
        return (Convolution2D) super.clone();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("Convolution2D", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerSupport.wire(new Convolution2DLayer(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /**
     * Builder with all of {@link ConvolutionLayer.Builder}'s options; {@link #build()} returns a
     * {@link Convolution2D} (a chain's {@code build()} is typed {@code ConvolutionLayer}; it is still
     * this layer).
     */
    public static class Builder extends ConvolutionLayer.Builder {
        /** Kernel 5x5, stride 1x1, padding 0 (DL4J's defaults); set them with the setters. */
        public Builder() {
            super();
        }

        /** With the given kernel size. */
        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        /** With the given kernel size and stride. */
        public Builder(int[] kernelSize, int[] stride) {
            super(kernelSize, stride);
        }

        /** With the given kernel size, stride and padding. */
        public Builder(int[] kernelSize, int[] stride, int[] padding) {
            super(kernelSize, stride, padding);
        }

        @Override
        public Convolution2D build() {
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new Convolution2D(this);
        }
    }
}
