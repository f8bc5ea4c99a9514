package org.example.tinygan;

import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.layers.BatchNorm;
import org.gan4j.core.layers.Convolution2D;
import org.gan4j.core.layers.GlorotUniform;
import org.gan4j.core.layers.LeakyReLU;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.models.unconditional.NoiseToImageGan;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A minimal noise-to-image variant written outside gan4j's packages against its public API only: 8x8
 * grey images from 16 noise values, DL4J's and gan4j's convolution and batch-norm layers (the layers
 * that get oneDNN helpers). Its networks are built before anything in gan4j runs.
 */
public final class TinyConvGan extends NoiseToImageGan {
    public static final String NAME = "tinyconv";

    private TinyConvGan(Generator g, Discriminator d) {
        super(NAME, g, d, AdversarialLoss.nonSaturating(), 1, new long[] {1, 8, 8}, new long[] {1, 8, 8}, Map.of(), 0);
    }

    /** Builds both networks (plain DL4J, initialised) and only then wraps them. */
    public static TinyConvGan create(long seed) {
        MultiLayerNetwork g = new MultiLayerNetwork(base(seed).list()
                .layer(new DenseLayer.Builder().nOut(4 * 4 * 8).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new Upsampling2D.Builder(2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(new LeakyReLU(0.2)).build())
                .layer(new BatchNorm.Builder().build())
                .layer(new Convolution2D.Builder(3, 3).nOut(1).activation(Activation.TANH).build())
                .inputPreProcessor(2, new org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor(4, 4, 8))
                .setInputType(InputType.feedForward(16)).build());
        g.init();
        MultiLayerNetwork d = new MultiLayerNetwork(base(seed + 1).list()
                .layer(new Convolution2D.Builder(3, 3).stride(2, 2).nOut(8).activation(new LeakyReLU(0.2)).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        d.init();
        return new TinyConvGan(Generator.of(g, 16), Discriminator.of(d));
    }

    private static NeuralNetConfiguration.Builder base(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(2e-3, 0.5, 0.999, 1e-8))
                .weightInit(new GlorotUniform()).convolutionMode(ConvolutionMode.Same);
    }
}
