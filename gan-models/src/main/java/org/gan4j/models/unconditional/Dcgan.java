package org.gan4j.models.unconditional;



import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.layers.GlorotUniform;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.models.nets.DcganNets;
import org.gan4j.core.train.WeightAveraging;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * DCGAN: convolutional generator and discriminator.
 *
 * <h2>{@link Architecture#TUTORIAL_28} (default): the TensorFlow DCGAN tutorial's MNIST model</h2>
 * G: z(100) -> Dense 7*7*256 (no bias) -> BN -> LeakyReLU(0.3) -> ConvT 128 5x5 s1 (no bias) -> BN ->
 * LeakyReLU -> ConvT 64 5x5 s2 -> BN -> LeakyReLU -> ConvT 1 5x5 s2 -> tanh (28x28x1).
 * D: Conv 64 5x5 s2 -> LeakyReLU(0.3) -> Dropout 0.3 -> Conv 128 5x5 s2 -> LeakyReLU -> Dropout 0.3 ->
 * Dense 1 (logit). "Same" padding. Non-saturating BCE loss; batch norm momentum 0.99, epsilon 1e-3
 * (Keras); Glorot-uniform initialisation with Keras' fans ({@link GlorotUniform}: DL4J's own
 * XAVIER_UNIFORM would start the strided convolutions up to twice as wide); Adam epsilon 1e-7 (Keras).
 *
 * <p>Training settings follow the DCGAN paper (Radford et al. 2016), not the tutorial: Adam beta1 0.5,
 * beta2 0.999 for both networks; batch {@value #DEFAULT_BATCH_SIZE} (the paper's is 128, see
 * {@link #DEFAULT_BATCH_SIZE}) and, for that smaller batch, learning rate 8e-4, four times the paper's 2e-4
 * (lower Fréchet distance after every epoch for the seeds measured, docs/models/dcgan.md); generator weight
 * averaging ({@link #DEFAULT_AVERAGING}). The tutorial's (lr 1e-4, beta1 0.9, batch 256) reach recognisable
 * digits only after tens of epochs: after 5 epochs they gave an MNIST-classifier inception score of 2.9-3.8 here and 3.5-4.5 in a TensorFlow reference
 * run of the tutorial, against 6.5 with all ten digits for the paper's settings (docs/models/dcgan.md).
 * {@code learningRate(1e-4).beta1(0.9)} and batch 256 reproduce the tutorial exactly.
 *
 * <h2>{@link Architecture#RADFORD_64}: Radford et al. 2016</h2>
 * G: z(100) -> ConvT 1024 4x4 (1x1 -> 4x4) -> BN -> ReLU -> ConvT 512 4x4 s2 p1 -> BN -> ReLU -> 256 ->
 * 128 -> ConvT C 4x4 s2 p1 -> tanh (64x64xC). D: Conv 64 4x4 s2 p1 -> LeakyReLU(0.2) -> Conv 128 -> BN ->
 * LReLU -> 256 -> 512 -> Conv 1 4x4 (valid) -> logit; no BN on D's input layer. Adam lr 2e-4,
 * beta1 0.5; weights N(0, 0.02); batch norm momentum 0.1 in PyTorch's convention (DL4J decay 0.9),
 * epsilon 1e-5. The paper trains with batch 128.
 *
 * <h2>Deviations forced by DL4J</h2>
 * Batch-norm scale (gamma) starts at 1 rather than N(1, 0.02) in the Radford preset (DL4J's BN takes a
 * constant gamma init). The Dense -> 7x7x256 reshape is channels-first (a fixed permutation of the
 * Dense layer's outputs compared with Keras' channels-last reshape: same function class).
 */
public final class Dcgan extends NoiseToImageGan {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "dcgan";

    /**
     * Batch size to train with unless told otherwise: 32, a quarter of the paper's 128 (the tutorial uses 256).
     * On two CPU cores the per-iteration cost falls less than the batch (about 117 ms at 32, 183 ms at 64, 456 at
     * 128), so smaller batches make more updates in the same time, and on MNIST the updates, not the images seen,
     * set the quality: 5 epochs at 32 beat 5 at 64 for every seed measured (docs/models/dcgan.md).
     */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /**
     * Generator weight averaging to train with unless told otherwise: decay 0.999 from the first iteration
     * (measured to lower the Fréchet distance at every epoch, docs/models/dcgan.md).
     */
    public static final WeightAveraging DEFAULT_AVERAGING = new WeightAveraging(0.999, 0);

    /** Network presets. */
    public enum Architecture {
        /** 28x28x1, the TensorFlow tutorial's MNIST model. */
        TUTORIAL_28,
        /** 64x64xC, Radford et al. 2016. */
        RADFORD_64
    }

    private final DcganSettings settings;

    private Dcgan(DcganSettings s, Generator g, Discriminator d) {
        super(NAME, g, d, s.loss().create(s.realLabel()), s.loss().generatorEvery(s.generatorEvery()), s.imageShape(),
                s.imageShape(), DcganSettings.TABLE.write(s), s.loss().criticClip());
        this.settings = s;
    }

    /** A builder with the paper/tutorial defaults ({@link DcganSettings}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        return new Builder().config(config);
    }

    /** The settings this variant was built with. */
    public DcganSettings settings() {
        return settings;
    }

    /** Optional settings; {@link DcganSettings} documents each with its default. */
    public static final class Builder extends CommonBuilder<DcganSettings, Builder> {
        private Builder() {
            super(DcganSettings.TABLE, DcganSettings.LEARNING_RATE, DcganSettings.DISCRIMINATOR_LEARNING_RATE);
        }

        /** Network preset (default {@link Architecture#TUTORIAL_28}). */
        public Builder architecture(Architecture a) {
            return set(DcganSettings.ARCHITECTURE, a);
        }

        /** Image channels; only {@link Architecture#RADFORD_64} accepts other than 1 (default 1). */
        public Builder channels(int c) {
            return set(DcganSettings.CHANNELS, c);
        }

        /** Builds the networks, initialised from {@code seed} (G) and {@code seed + 1} (D). */
        public Dcgan build(long seed) {
            return create(settings(), seed);
        }
    }

    /** A DCGAN with these settings, its networks initialised from {@code seed} (G) and {@code seed + 1} (D). */
    public static Dcgan create(DcganSettings s, long seed) {
        boolean tutorial = s.architecture() == Architecture.TUTORIAL_28;
        IUpdater gUpdater = updater(s, s.learningRate());
        IUpdater dUpdater = updater(s, s.discriminatorLearningRate());
        MultiLayerNetwork g = tutorial ? DcganNets.tutorialGenerator(seed, gUpdater, s.latentSize())
                : DcganNets.radfordGenerator(seed, gUpdater, s.latentSize(), s.channels());
        MultiLayerNetwork d = tutorial ? DcganNets.tutorialDiscriminator(seed + 1, dUpdater, 1)
                : DcganNets.radfordDiscriminator(seed + 1, dUpdater, s.channels());
        long[] z = tutorial ? new long[] {s.latentSize()} : new long[] {s.latentSize(), 1, 1};
        return new Dcgan(s, Generator.of(g, z), Discriminator.of(d));
    }

    /** Adam (epsilon 1e-7 as Keras for the tutorial, 1e-8 for Radford), or what the loss requires (RMSProp for WGAN). */
    private static IUpdater updater(DcganSettings s, double learningRate) {
        double eps = s.architecture() == Architecture.TUTORIAL_28 ? 1e-7 : 1e-8;
        return s.loss().updater(new Adam(learningRate, s.beta1(), s.beta2(), eps));
    }
}
