package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.gan4j.core.layers.BatchNorm;
import org.gan4j.core.layers.Convolution2D;
import org.gan4j.core.layers.TransposedConvolution2D;
import org.gan4j.core.layers.LeakyReLU;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** Layer shorthands in the PyTorch pix2pix/CycleGAN conventions (explicit padding, Truncate mode). */
final class Blocks {
    private Blocks() {}

    /** pix2pix/CycleGAN's init_weights('normal', 0.02): every conv weight N(0, 0.02), biases 0. */
    static NeuralNetConfiguration.Builder base(long seed, IUpdater updater, DataType dataType) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(updater)
                .weightInit(new NormalDistribution(0, 0.02)).biasInit(0);
    }

    static IActivation leaky() {
        return new LeakyReLU(0.2);
    }

    static ConvolutionLayer conv(int nOut, int kernel, int stride, int pad, boolean bias, IActivation act) {
        return new Convolution2D.Builder().nOut(nOut).kernelSize(kernel, kernel).stride(stride, stride)
                .padding(pad, pad).convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(act).build();
    }

    static ConvolutionLayer conv(int nOut, int kernel, int stride, int pad, boolean bias) {
        return conv(nOut, kernel, stride, pad, bias, Activation.IDENTITY.getActivationFunction());
    }

    /**
     * Transposed convolution; with kernel 4, stride 2, padding 1 it is PyTorch's ConvTranspose2d(4, 2, 1).
     * gan4j's {@link TransposedConvolution2D}: DL4J's {@code Deconvolution2D} (same parameters, so networks
     * saved with either load) without the forward pass repeated in the backward pass.
     */
    static Deconvolution2D deconv(int nOut, int kernel, int stride, int pad, boolean bias, IActivation act) {
        return new TransposedConvolution2D.Builder().nOut(nOut).kernelSize(kernel, kernel).stride(stride, stride)
                .padding(pad, pad).convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(act).build();
    }

    /** PyTorch BatchNorm2d defaults: momentum 0.1 (DL4J decay 0.9), eps 1e-5. */
    static BatchNormalization batchNorm() {
        return new BatchNorm.Builder().decay(0.9).eps(1e-5).build();
    }

    static ActivationLayer act(IActivation a) {
        return new ActivationLayer.Builder().activation(a).build();
    }

    static ActivationLayer act(Activation a) {
        return act(a.getActivationFunction());
    }

}
