package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Transposed 2D convolution ("deconvolution") that computes exactly what DL4J's {@link Deconvolution2D}
 * computes, with the same configuration, parameters, parameter initialisation and output shape, but
 * expressed through ordinary convolution kernels, which the CPU backend runs on oneDNN (and which are
 * fast on the other backends too). At the DCGAN shapes this is 5-10x faster than {@code Deconvolution2D}.
 *
 * <p><b>The computation.</b> A transposed convolution is the input gradient of the convolution
 * {@code C} that maps the (larger) output space back to the input space with the same kernel, stride,
 * padding and dilation. With DL4J's deconvolution weight layout {@code [nIn, nOut, kH, kW]} (c order),
 * that weight array is exactly {@code C}'s weight array in DL4J's convolution layout
 * {@code [outChannels = nIn, inChannels = nOut, kH, kW]}: no flipping, no copying. Hence
 * <ul>
 * <li>forward: {@code y = C^T x} (libnd4j {@code deconv2d_tf}, i.e. TensorFlow's Conv2DBackpropInput), plus bias;</li>
 * <li>input gradient: {@code dL/dx = C(dL/dy)} (libnd4j {@code conv2d});</li>
 * <li>weight gradient: the weight gradient of {@code C} at input {@code dL/dy} and output gradient
 * {@code x} (libnd4j {@code conv2d_bp}); bias gradient: the sum of {@code dL/dy} over batch and space.</li>
 * </ul>
 * With stride 1 and no dilation (and an odd kernel in {@code Same} mode) the layer is instead run as
 * the ordinary convolution with the spatially flipped kernel and padding {@code k - 1 - p}: forward
 * {@code conv2d}, and one {@code conv2d_bp} for both gradients (the flipped kernel and its gradient are
 * small copies). For an identity activation the backward pass does not recompute the forward pass
 * (DL4J's layer does).
 *
 * <p>With stride above 1, no dilation and {@code Truncate} (or {@code Strict}) mode, the layer runs DL4J's
 * own passes instead (libnd4j's {@code deconv2d}, which has a oneDNN path there; faster at the U-Net,
 * ResNet-generator and Radford-DCGAN shapes), keeping the forward pass's pre-activation so the backward
 * pass does not recompute it.
 *
 * <p><b>Parameters.</b> "W" {@code [nIn, nOut, kH, kW]} and "b" {@code [nOut]} (when {@code hasBias}),
 * identical to {@code Deconvolution2D}: weights trained with either layer load into the other.
 * Supported: any kernel, stride, padding and dilation, {@code ConvolutionMode.Same} (output = input x
 * stride, TensorFlow's "same"), {@code Truncate} (output = (input - 1) x stride + kernel - 2 x padding,
 * e.g. PyTorch's {@code ConvTranspose2d(k=4, s=2, p=1)}), NCHW and NHWC.
 *
 * <p>Build it with {@link Builder}, which has all of {@code Deconvolution2D.Builder}'s options. Using
 * this class does not switch on DL4J's oneDNN layer helpers: gan4j's network wrappers do (see
 * {@link org.gan4j.core.nn.Backend}).
 */
public class TransposedConvolution2D extends Deconvolution2D {
    /** For JSON deserialisation; use {@link Builder}. */
    public TransposedConvolution2D() {
        super();
    }

    /** From a builder. */
    protected TransposedConvolution2D(Builder builder) {
        super(builder);
    }

    @Override
    public TransposedConvolution2D clone() {
        return (TransposedConvolution2D) super.clone();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("TransposedConvolution2D", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerSupport.wire(new TransposedConvolution2DLayer(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /**
     * Builder with all of {@link Deconvolution2D.Builder}'s options; {@link #build()} returns a
     * {@link TransposedConvolution2D} (the chained setters are typed as {@code Deconvolution2D.Builder},
     * so a chain's {@code build()} is typed {@code Deconvolution2D}; it is still this layer).
     */
    public static class Builder extends Deconvolution2D.Builder {
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
        public TransposedConvolution2D build() {
            return new TransposedConvolution2D(this);
        }
    }
}
