package org.gan4j.models.unconditional;

import org.gan4j.models.AdversarialLossKind;

import org.gan4j.models.Settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The original GAN with multilayer perceptrons (Goodfellow et al. 2014), in the form of the
 * tutorial series' MNIST example.
 *
 * <p>G: z(100) -> 128 -> LeakyReLU(0.2) -> 256 -> BN -> LReLU -> 512 -> BN -> LReLU -> 1024 -> BN -> LReLU
 * -> 784 -> tanh (a 28x28 image). D: 784 -> 512 -> LReLU(0.2) -> 256 -> LReLU -> 1 (logit).
 * Non-saturating BCE loss; Adam lr 2e-4, beta1 0.5, beta2 0.999 for both; batch 64; batch norm
 * momentum 0.8 (Keras convention; DL4J decay 0.8), epsilon 1e-3; Glorot-uniform initialisation.
 */
public final class Gan extends NoiseToImageGan {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "gan";

    /** Batch size to train with unless told otherwise (see the class description). */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private Gan(Builder b, Generator g, Discriminator d) {
        super(NAME, g, d, b.loss.create(b.realLabel), b.generatorEvery, b.imageShape(),
                new long[] {b.height * b.width * b.channels}, b.toConfig());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        Settings s = new Settings(NAME, config);
        Builder b = new Builder();
        b.latentSize = s.integer("latentSize", b.latentSize);
        b.channels = s.integer("channels", b.channels);
        b.height = s.integer("height", b.height);
        b.width = s.integer("width", b.width);
        b.learningRate = s.real("learningRate", b.learningRate);
        b.beta1 = s.real("beta1", b.beta1);
        b.loss = s.choice("loss", AdversarialLossKind.class, b.loss);
        b.realLabel = s.real("realLabel", b.realLabel);
        b.generatorEvery = s.integer("generatorEvery", b.generatorEvery);
        s.rejectUnknown();
        return b;
    }

    /** Optional settings with the tutorial defaults. */
    public static final class Builder {
        private int latentSize = 100;
        private int channels = 1;
        private int height = 28;
        private int width = 28;
        private double learningRate = 2e-4;
        private double beta1 = 0.5;
        private AdversarialLossKind loss = AdversarialLossKind.NON_SATURATING;
        private double realLabel = 1.0;
        private int generatorEvery = 1;

        private Builder() {}

        /** Length of z (default 100). */
        public Builder latentSize(int n) {
            latentSize = Dcgan.Builder.positive("latentSize", n);
            return this;
        }

        /** Image shape (default 1 x 28 x 28). */
        public Builder imageShape(int channels, int height, int width) {
            this.channels = Dcgan.Builder.positive("channels", channels);
            this.height = Dcgan.Builder.positive("height", height);
            this.width = Dcgan.Builder.positive("width", width);
            return this;
        }

        /** Adam learning rate (default 2e-4). */
        public Builder learningRate(double lr) {
            learningRate = lr;
            return this;
        }

        /** Adam beta1 (default 0.5). */
        public Builder beta1(double b1) {
            beta1 = b1;
            return this;
        }

        /** Adversarial loss (default non-saturating). */
        public Builder loss(AdversarialLossKind kind) {
            loss = kind;
            return this;
        }

        /** D's label for real data; below 1 is one-sided label smoothing (default 1). */
        public Builder realLabel(double label) {
            realLabel = label;
            return this;
        }

        /** Train G every n-th iteration (default 1). */
        public Builder generatorEvery(int n) {
            generatorEvery = Dcgan.Builder.positive("generatorEvery", n);
            return this;
        }

        public Gan build(long seed) {
            MultiLayerNetwork g = new MultiLayerNetwork(generator(seed));
            g.init();
            MultiLayerNetwork d = new MultiLayerNetwork(discriminator(seed + 1));
            d.init();
            return new Gan(this, Generator.of(g, latentSize), Discriminator.of(d));
        }

        long[] imageShape() {
            return new long[] {channels, height, width};
        }

        private NeuralNetConfiguration.ListBuilder base(long seed) {
            return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(learningRate, beta1, 0.999, 1e-7))
                    .weightInit(WeightInit.XAVIER_UNIFORM).list();
        }

        private MultiLayerConfiguration generator(long seed) {
            var list = base(seed);
            int[] widths = {128, 256, 512, 1024};
            for (int i = 0; i < widths.length; i++) {
                list.layer(new DenseLayer.Builder().nOut(widths[i]).activation(Activation.IDENTITY).build());
                if (i > 0) {
                    list.layer(new BatchNormalization.Builder().decay(0.8).eps(1e-3).build());
                }
                list.layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build());
            }
            list.layer(new DenseLayer.Builder().nOut(channels * height * width).activation(Activation.TANH).build());
            return list.setInputType(InputType.feedForward(latentSize)).build();
        }

        private MultiLayerConfiguration discriminator(long seed) {
            return base(seed)
                    .layer(new DenseLayer.Builder().nOut(512).activation(new ActivationLReLU(0.2)).build())
                    .layer(new DenseLayer.Builder().nOut(256).activation(new ActivationLReLU(0.2)).build())
                    .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                    .setInputType(InputType.feedForward((long) channels * height * width))
                    .build();
        }

        Map<String, String> toConfig() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("latentSize", Integer.toString(latentSize));
            m.put("channels", Integer.toString(channels));
            m.put("height", Integer.toString(height));
            m.put("width", Integer.toString(width));
            m.put("learningRate", Double.toString(learningRate));
            m.put("beta1", Double.toString(beta1));
            m.put("loss", loss.name().toLowerCase(Locale.ROOT));
            m.put("realLabel", Double.toString(realLabel));
            m.put("generatorEvery", Integer.toString(generatorEvery));
            return m;
        }
    }
}
