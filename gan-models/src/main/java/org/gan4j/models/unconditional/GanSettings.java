package org.gan4j.models.unconditional;

import static org.gan4j.models.unconditional.CommonSettings.BETA1;
import static org.gan4j.models.unconditional.CommonSettings.BETA2;
import static org.gan4j.models.unconditional.CommonSettings.DISCRIMINATOR_LEARNING_RATE;
import static org.gan4j.models.unconditional.CommonSettings.GENERATOR_EVERY;
import static org.gan4j.models.unconditional.CommonSettings.LATENT_SIZE;
import static org.gan4j.models.unconditional.CommonSettings.LEARNING_RATE;
import static org.gan4j.models.unconditional.CommonSettings.LOSS;
import static org.gan4j.models.unconditional.CommonSettings.REAL_LABEL;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;
import org.gan4j.models.AdversarialLossKind;

/**
 * The settings of {@link Gan} (the tutorial's MNIST model by default); {@link #TABLE} lists each with its
 * default and description ({@code gan settings gan}).
 *
 * @param latentSize length of z (default 100)
 * @param channels image channels (default 1)
 * @param height image height (default 28)
 * @param width image width (default 28)
 * @param learningRate Adam learning rate of G (default 2e-4)
 * @param discriminatorLearningRate Adam learning rate of D (default: learningRate)
 * @param beta1 Adam beta1 (default 0.5)
 * @param beta2 Adam beta2 (default 0.999)
 * @param loss adversarial loss (default non-saturating)
 * @param realLabel D's target for real data, below 1 one-sided label smoothing (default 1)
 * @param generatorEvery train G every n-th iteration (default 1)
 */
public record GanSettings(int latentSize, int channels, int height, int width, double learningRate,
                          double discriminatorLearningRate, double beta1, double beta2,
                          AdversarialLossKind loss, double realLabel, int generatorEvery) {
    static final Setting<Integer> CHANNELS = Setting.integer("channels", "image channels").defaultValue(1)
            .require(n -> n > 0, "positive");
    static final Setting<Integer> HEIGHT = Setting.integer("height", "image height").defaultValue(28)
            .require(n -> n > 0, "positive");
    static final Setting<Integer> WIDTH = Setting.integer("width", "image width").defaultValue(28)
            .require(n -> n > 0, "positive");

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<GanSettings> TABLE = SettingTable.of(Gan.NAME, GanSettings.class, LATENT_SIZE,
            CHANNELS, HEIGHT, WIDTH, LEARNING_RATE, DISCRIMINATOR_LEARNING_RATE, BETA1, BETA2, LOSS, REAL_LABEL,
            GENERATOR_EVERY);
}
