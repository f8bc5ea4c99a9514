package org.gan4j.models.i2i;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.gan4j.core.layers.BatchNorm;
import org.gan4j.core.layers.Convolution2D;
import org.gan4j.core.layers.LeakyReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.gan4j.core.train.LinearDecaySchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Layer shorthands in the PyTorch pix2pix/CycleGAN conventions (explicit padding, Truncate mode), and the
 * settings checks and optimizer the image-to-image variants share.
 */
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

    /** Transposed convolution; with kernel 4, stride 2, padding 1 it is PyTorch's ConvTranspose2d(4, 2, 1). */
    static Deconvolution2D deconv(int nOut, int kernel, int stride, int pad, boolean bias, IActivation act) {
        return new Deconvolution2D.Builder().nOut(nOut).kernelSize(kernel, kernel).stride(stride, stride)
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

    /**
     * Adam (beta2 0.999, eps 1e-8, PyTorch's defaults) with the reference "linear" policy: constant for
     * {@code constantEpochs}, then linear decay towards 0 over {@code decayEpochs} (0: constant rate).
     */
    static Adam adam(double learningRate, double beta1, int constantEpochs, int decayEpochs) {
        if (constantEpochs < 0 || decayEpochs < 0) {
            throw new IllegalArgumentException("constantEpochs and decayEpochs must be >= 0, got " + constantEpochs
                    + " and " + decayEpochs);
        }
        var b = Adam.builder().learningRate(learningRate).beta1(beta1).beta2(0.999).epsilon(1e-8);
        if (decayEpochs > 0) {
            b.learningRateSchedule(new LinearDecaySchedule(learningRate, constantEpochs, decayEpochs));
        }
        return b.build();
    }

    /** Checks NCHW images for {@code translate}: channels and sides that are multiples of {@code multiple}. */
    static void checkImages(String variant, INDArray images, int channels, int multiple) {
        if (images.rank() != 4 || images.size(1) != channels || images.size(2) % multiple != 0
                || images.size(3) % multiple != 0) {
            throw new IllegalArgumentException(variant + " translates NCHW images with " + channels
                    + " channels and sides that are multiples of " + multiple + ", got "
                    + java.util.Arrays.toString(images.shape()));
        }
    }
}
