package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The multilayer perceptrons of the original GAN in the form of the tutorial series' MNIST example
 * (the {@code gan} variant): Glorot-uniform initialisation, LeakyReLU(0.2), batch norm momentum 0.8
 * (Keras convention; DL4J decay 0.8) and epsilon 1e-3.
 */
public final class MlpNets {
    private MlpNets() {}

    /**
     * G: z -> 128 -> LeakyReLU(0.2) -> 256 -> BN -> LReLU -> 512 -> BN -> LReLU -> 1024 -> BN -> LReLU ->
     * {@code outputSize} -> tanh. Initialised.
     *
     * @param inputSize length of G's input (noise, or noise and a condition side by side)
     * @param outputSize length of one output example, e.g. 784 for a flattened 28x28 image
     */
    public static MultiLayerNetwork generator(long seed, IUpdater updater, long inputSize, long outputSize) {
        var list = base(seed, updater);
        int[] widths = {128, 256, 512, 1024};
        for (int i = 0; i < widths.length; i++) {
            list.layer(new DenseLayer.Builder().nOut(widths[i]).activation(Activation.IDENTITY).build());
            if (i > 0) {
                list.layer(new BatchNormalization.Builder().decay(0.8).eps(1e-3).build());
            }
            list.layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build());
        }
        list.layer(new DenseLayer.Builder().nOut(outputSize).activation(Activation.TANH).build());
        return init(new MultiLayerNetwork(list.setInputType(InputType.feedForward(inputSize)).build()));
    }

    /**
     * D: input -> 512 -> LeakyReLU(0.2) -> 256 -> LReLU -> 1 (a logit, no output layer). Initialised.
     *
     * @param inputSize length of one input example, e.g. 784, or 794 for an image and a one-hot label
     */
    public static MultiLayerNetwork discriminator(long seed, IUpdater updater, long inputSize) {
        return init(new MultiLayerNetwork(base(seed, updater)
                .layer(new DenseLayer.Builder().nOut(512).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nOut(256).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(inputSize))
                .build()));
    }

    private static NeuralNetConfiguration.ListBuilder base(long seed, IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(updater).weightInit(WeightInit.XAVIER_UNIFORM).list();
    }

    static MultiLayerNetwork init(MultiLayerNetwork net) {
        net.init();
        return net;
    }
}
