package org.gan4j.models.unconditional;

import static org.gan4j.models.unconditional.CommonSettings.BETA1;
import static org.gan4j.models.unconditional.CommonSettings.BETA2;
import static org.gan4j.models.unconditional.CommonSettings.GENERATOR_EVERY;
import static org.gan4j.models.unconditional.CommonSettings.LATENT_SIZE;
import static org.gan4j.models.unconditional.CommonSettings.LOSS;
import static org.gan4j.models.unconditional.CommonSettings.REAL_LABEL;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;
import org.gan4j.models.AdversarialLossKind;

/**
 * The settings of {@link Dcgan}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings dcgan}). Training defaults are the DCGAN paper's for both architectures (see
 * {@link Dcgan}); {@code learningRate=1e-4 beta1=0.9} with batch 256 reproduce the TensorFlow tutorial.
 *
 * @param architecture network preset (default {@link Dcgan.Architecture#TUTORIAL_28})
 * @param latentSize length of z (default 100)
 * @param channels image channels; only {@link Dcgan.Architecture#RADFORD_64} accepts other than 1 (default 1)
 * @param learningRate Adam learning rate of G, and of D unless given apart (default 8e-4 for the tutorial networks
 *        at batch 32, the paper's 2e-4 for Radford's)
 * @param discriminatorLearningRate Adam learning rate of D (default: learningRate)
 * @param beta1 Adam beta1 (default 0.5, Radford et al.)
 * @param beta2 Adam beta2 (default 0.999)
 * @param loss adversarial loss (default non-saturating)
 * @param realLabel D's target for real data, below 1 one-sided label smoothing (default 1)
 * @param generatorEvery train G every n-th iteration (default 1)
 */
public record DcganSettings(Dcgan.Architecture architecture, int latentSize, int channels, double learningRate,
                            double discriminatorLearningRate, double beta1, double beta2, AdversarialLossKind loss,
                            double realLabel, int generatorEvery) {
    static final Setting<Dcgan.Architecture> ARCHITECTURE = Setting.choice("architecture", Dcgan.Architecture.class,
            "network preset: the TensorFlow tutorial's 28x28x1 or Radford et al.'s 64x64xC")
            .defaultValue(Dcgan.Architecture.TUTORIAL_28);

    /** Default learning rate of the tutorial architecture. */
    static final double TUTORIAL_LEARNING_RATE = 8e-4;

    /**
     * Learning rate of G (and of D by default): {@value #TUTORIAL_LEARNING_RATE} for the tutorial networks
     * (measured at the default batch of 32, docs/models/dcgan.md), the paper's 2e-4 for Radford's.
     */
    static final Setting<Double> LEARNING_RATE = CommonSettings.learningRate().defaultValue(
            v -> v.get(ARCHITECTURE) == Dcgan.Architecture.TUTORIAL_28 ? TUTORIAL_LEARNING_RATE : 2e-4,
            "8e-4 tutorial_28, 2e-4 radford_64");
    static final Setting<Double> DISCRIMINATOR_LEARNING_RATE = CommonSettings.discriminatorLearningRate(LEARNING_RATE);
    static final Setting<Integer> CHANNELS = Setting.integer("channels", "image channels (radford_64 only; tutorial_28 is 1)")
            .defaultValue(1).require(n -> n > 0, "positive");

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<DcganSettings> TABLE = SettingTable.of(Dcgan.NAME, DcganSettings.class,
            ARCHITECTURE, LATENT_SIZE, CHANNELS, LEARNING_RATE, DISCRIMINATOR_LEARNING_RATE, BETA1, BETA2, LOSS,
            REAL_LABEL, GENERATOR_EVERY);

    /** Checks what single settings cannot. */
    public DcganSettings {
        if (architecture == Dcgan.Architecture.TUTORIAL_28 && channels != 1) {
            throw new IllegalArgumentException("the tutorial architecture is 28x28x1; use architecture radford_64 for "
                    + channels + " channels");
        }
    }

    /** Image shape [C, H, W] of the architecture. */
    long[] imageShape() {
        return architecture == Dcgan.Architecture.TUTORIAL_28 ? new long[] {1, 28, 28} : new long[] {channels, 64, 64};
    }
}
