package org.gan4j.models.unconditional;



import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.train.WeightAveraging;
import org.gan4j.models.nets.MlpNets;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

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

    /**
     * Generator weight averaging to train with unless told otherwise: decay 0.999 from the first iteration
     * (measured to raise the MNIST scores at every epoch, docs/models/gan.md).
     */
    public static final WeightAveraging DEFAULT_AVERAGING = new WeightAveraging(0.999, 0);

    private final GanSettings settings;

    private Gan(GanSettings s, Generator g, Discriminator d) {
        super(NAME, g, d, s.loss().create(s.realLabel()), s.loss().generatorEvery(s.generatorEvery()), imageShape(s),
                new long[] {(long) s.height() * s.width() * s.channels()}, GanSettings.TABLE.write(s), s.loss().criticClip());
        this.settings = s;
    }

    /** A builder with the tutorial defaults ({@link GanSettings}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        return new Builder().config(config);
    }

    /** The settings this variant was built with. */
    public GanSettings settings() {
        return settings;
    }

    private static long[] imageShape(GanSettings s) {
        return new long[] {s.channels(), s.height(), s.width()};
    }

    /** Optional settings with the tutorial defaults; {@link GanSettings} documents each. */
    public static final class Builder extends CommonBuilder<GanSettings, Builder> {
        private Builder() {
            super(GanSettings.TABLE, CommonSettings.LEARNING_RATE, CommonSettings.DISCRIMINATOR_LEARNING_RATE);
        }

        /** Image shape (default 1 x 28 x 28). */
        public Builder imageShape(int channels, int height, int width) {
            return set(GanSettings.CHANNELS, channels).set(GanSettings.HEIGHT, height).set(GanSettings.WIDTH, width);
        }

        /** Builds the networks, initialised from {@code seed} (G) and {@code seed + 1} (D). */
        public Gan build(long seed) {
            return create(settings(), seed);
        }
    }

    /** A GAN with these settings, its networks initialised from {@code seed} (G) and {@code seed + 1} (D). */
    public static Gan create(GanSettings s, long seed) {
        long pixels = (long) s.channels() * s.height() * s.width();
        MultiLayerNetwork g = MlpNets.generator(seed, updater(s, s.learningRate()), s.latentSize(), pixels);
        MultiLayerNetwork d = MlpNets.discriminator(seed + 1, updater(s, s.discriminatorLearningRate()), pixels);
        return new Gan(s, Generator.of(g, s.latentSize()), Discriminator.of(d));
    }

    /** Adam as in the tutorial (epsilon 1e-7, Keras), or what the loss requires (RMSProp for WGAN). */
    private static IUpdater updater(GanSettings s, double learningRate) {
        return s.loss().updater(new Adam(learningRate, s.beta1(), s.beta2(), 1e-7));
    }
}
