package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.layers.BatchNorm;
import org.gan4j.core.layers.Convolution2D;
import org.gan4j.core.layers.GlorotUniform;
import org.gan4j.core.layers.InvertedDropout;
import org.gan4j.core.layers.LeakyReLU;
import org.gan4j.core.layers.TransposedConvolution2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The DCGAN stacks of the {@code dcgan} variant: the TensorFlow DCGAN tutorial's 28x28x1 MNIST model and
 * Radford et al. 2016's 64x64xC model. Every factory returns an initialised network without an output
 * layer (D ends in a logit). The variant's javadoc ({@code org.gan4j.models.unconditional.Dcgan}) lists
 * the layers and the deviations DL4J forces.
 */
public final class DcganNets {
    private DcganNets() {}

    /**
     * Tutorial G: z -> Dense 7*7*256 (no bias) -> BN -> LeakyReLU(0.3) -> ConvT 128 5x5 s1 -> BN -> LReLU ->
     * ConvT 64 5x5 s2 -> BN -> LReLU -> ConvT 1 5x5 s2 -> tanh (28x28x1); Glorot-uniform with Keras' fans.
     *
     * @param inputSize length of G's input (noise, or noise and a condition side by side)
     */
    public static MultiLayerNetwork tutorialGenerator(long seed, IUpdater updater, long inputSize) {
        IActivation lrelu = new LeakyReLU(0.3);
        return MlpNets.init(new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(new GlorotUniform()).list()
                .layer(new DenseLayer.Builder().nOut(7 * 7 * 256).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(kerasBatchNorm())
                .layer(new ActivationLayer.Builder().activation(lrelu).build())
                .layer(deconv(128, 1, false, Activation.IDENTITY))
                .layer(kerasBatchNorm())
                .layer(new ActivationLayer.Builder().activation(lrelu).build())
                .layer(deconv(64, 2, false, Activation.IDENTITY))
                .layer(kerasBatchNorm())
                .layer(new ActivationLayer.Builder().activation(lrelu).build())
                .layer(deconv(1, 2, false, Activation.TANH))
                .inputPreProcessor(3, new FeedForwardToCnnPreProcessor(7, 7, 256))
                .setInputType(InputType.feedForward(inputSize))
                .build()));
    }

    /**
     * Tutorial D on 28x28 images with {@code channels} channels: Conv 64 5x5 s2 -> LeakyReLU(0.3) -> Dropout 0.3
     * -> Conv 128 5x5 s2 -> LReLU -> Dropout 0.3 -> Dense 1 (logit); "same" padding.
     *
     * @param channels 1 for MNIST; more for an image with condition planes stacked as channels
     */
    public static MultiLayerNetwork tutorialDiscriminator(long seed, IUpdater updater, int channels) {
        IActivation lrelu = new LeakyReLU(0.3);
        return MlpNets.init(new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(new GlorotUniform()).list()
                .layer(conv(64, 5, 2, lrelu))
                .layer(new DropoutLayer.Builder(new InvertedDropout(0.7)).build()) // keep probability: TF Dropout(0.3)
                .layer(conv(128, 5, 2, lrelu))
                .layer(new DropoutLayer.Builder(new InvertedDropout(0.7)).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, channels))
                .build()));
    }

    /**
     * Radford G: z [latentSize, 1, 1] -> ConvT 1024 4x4 -> BN -> ReLU -> ConvT 512 4x4 s2 p1 -> ... -> 128 ->
     * ConvT {@code channels} 4x4 s2 p1 -> tanh (64x64); weights N(0, 0.02).
     */
    public static MultiLayerNetwork radfordGenerator(long seed, IUpdater updater, int latentSize, int channels) {
        var list = new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(new NormalDistribution(0, 0.02)).list();
        int[] filters = {1024, 512, 256, 128};
        for (int i = 0; i < filters.length; i++) {
            list.layer(new TransposedConvolution2D.Builder().nOut(filters[i]).kernelSize(4, 4)
                    .stride(i == 0 ? 1 : 2, i == 0 ? 1 : 2).padding(i == 0 ? 0 : 1, i == 0 ? 0 : 1)
                    .convolutionMode(ConvolutionMode.Truncate).hasBias(false).activation(Activation.IDENTITY).build());
            list.layer(new BatchNorm.Builder().decay(0.9).eps(1e-5).build());
            list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        list.layer(new TransposedConvolution2D.Builder().nOut(channels).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).hasBias(false).activation(Activation.TANH).build());
        return MlpNets.init(new MultiLayerNetwork(list.setInputType(InputType.convolutional(1, 1, latentSize)).build()));
    }

    /**
     * Radford D on 64x64 images: Conv 64 4x4 s2 p1 -> LeakyReLU(0.2) -> Conv 128 -> BN -> LReLU -> 256 -> 512 ->
     * Conv 1 4x4 (valid) -> logit; weights N(0, 0.02).
     */
    public static MultiLayerNetwork radfordDiscriminator(long seed, IUpdater updater, int channels) {
        IActivation lrelu = new LeakyReLU(0.2);
        var list = new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(new NormalDistribution(0, 0.02)).list();
        int[] filters = {64, 128, 256, 512};
        for (int i = 0; i < filters.length; i++) {
            list.layer(new Convolution2D.Builder().nOut(filters[i]).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                    .convolutionMode(ConvolutionMode.Truncate).hasBias(false)
                    .activation(i == 0 ? lrelu : Activation.IDENTITY.getActivationFunction()).build());
            if (i > 0) {
                list.layer(new BatchNorm.Builder().decay(0.9).eps(1e-5).build());
                list.layer(new ActivationLayer.Builder().activation(lrelu).build());
            }
        }
        list.layer(new Convolution2D.Builder().nOut(1).kernelSize(4, 4).stride(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).hasBias(false).activation(Activation.IDENTITY).build());
        return MlpNets.init(new MultiLayerNetwork(list.setInputType(InputType.convolutional(64, 64, channels)).build()));
    }

    private static BatchNormalization kerasBatchNorm() {
        return new BatchNorm.Builder().decay(0.99).eps(1e-3).build();
    }

    private static Deconvolution2D deconv(int filters, int stride, boolean bias, Activation activation) {
        return new TransposedConvolution2D.Builder().nOut(filters).kernelSize(5, 5).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same).hasBias(bias).activation(activation).build();
    }

    private static ConvolutionLayer conv(int filters, int kernel, int stride, IActivation activation) {
        return new Convolution2D.Builder().nOut(filters).kernelSize(kernel, kernel).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same).activation(activation).build();
    }
}
