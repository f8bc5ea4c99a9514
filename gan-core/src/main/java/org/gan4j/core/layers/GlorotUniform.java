package org.gan4j.core.layers;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Glorot (Xavier) uniform initialisation with the fans Keras, TensorFlow and PyTorch use:
 * {@code U(-s, s)}, {@code s = sqrt(6 / (fanIn + fanOut))}, where a convolution kernel's fans are its
 * input and output channels times the kernel area. Use it as a layer's or network's
 * {@code weightInit(new GlorotUniform())}.
 *
 * <p>Why not DL4J's {@code WeightInit.XAVIER_UNIFORM}: DL4J 1.0.0-M2.1 divides a convolution's fan-out
 * by the stride product, so a stride-2 layer starts with a wider distribution than the same layer in
 * Keras (the TensorFlow DCGAN tutorial's first discriminator conv, 1 -> 64 channels 5x5 stride 2:
 * {@code s} = 0.119 instead of Keras' 0.061). Dense weights are the same in both.
 */
public final class GlorotUniform implements IWeightInit {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        double in = fanIn;
        double out = fanOut;
        if (shape.length == 4) {
            // DL4J convolution kernels are [out, in, kH, kW], transposed ones [in, out, kH, kW]: the sum is the same
            double area = (double) shape[2] * shape[3];
            in = shape[1] * area;
            out = shape[0] * area;
        }
        double s = Math.sqrt(6.0 / (in + out));
        Nd4j.rand(paramView, Nd4j.getDistributions().createUniform(-s, s));
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlorotUniform;
    }

    @Override
    public int hashCode() {
        return GlorotUniform.class.hashCode();
    }

    @Override
    public String toString() {
        return "GlorotUniform";
    }
}
