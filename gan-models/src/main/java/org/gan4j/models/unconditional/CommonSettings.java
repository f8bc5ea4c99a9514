package org.gan4j.models.unconditional;

import org.gan4j.core.settings.Setting;
import org.gan4j.models.AdversarialLossKind;

/** Settings that {@link GanSettings} and {@link DcganSettings} share, declared once. */
final class CommonSettings {
    private CommonSettings() {}

    /** The learning-rate setting without its default. */
    static Setting<Double> learningRate() {
        return Setting.real("learningRate", "Adam learning rate of G, and of D unless discriminatorLearningRate is given")
                .require(x -> x > 0, "positive");
    }

    static final Setting<Integer> LATENT_SIZE = Setting.integer("latentSize", "length of the noise vector z")
            .defaultValue(100).require(n -> n > 0, "positive");
    /**
     * D's own learning rate, by default the variant's {@code learningRate}: a higher one is the two time-scale
     * update rule (TTUR, Heusel et al. 2017).
     */
    static Setting<Double> discriminatorLearningRate(Setting<Double> learningRate) {
        return Setting.real("discriminatorLearningRate",
                "Adam learning rate of D; above learningRate is the two time-scale update rule (TTUR)")
                .require(x -> x > 0, "positive").defaultValue(v -> v.get(learningRate), "learningRate");
    }

    /** The MLP GAN's learning rate; DCGAN's default depends on its architecture ({@code DcganSettings}). */
    static final Setting<Double> LEARNING_RATE = learningRate().defaultValue(2e-4);
    static final Setting<Double> DISCRIMINATOR_LEARNING_RATE = discriminatorLearningRate(LEARNING_RATE);
    static final Setting<Double> BETA1 = Setting.real("beta1", "Adam beta1 of both networks")
            .defaultValue(0.5).require(x -> x >= 0 && x < 1, "in [0, 1)");
    static final Setting<Double> BETA2 = Setting.real("beta2", "Adam beta2 of both networks")
            .defaultValue(0.999).require(x -> x >= 0 && x < 1, "in [0, 1)");
    static final Setting<AdversarialLossKind> LOSS = Setting.choice("loss", AdversarialLossKind.class,
            "adversarial loss").defaultValue(AdversarialLossKind.NON_SATURATING);
    static final Setting<Double> REAL_LABEL = Setting.real("realLabel",
            "D's target for real data; below 1 is one-sided label smoothing").defaultValue(1.0)
            .require(x -> x > 0 && x <= 1, "in (0, 1]");
    static final Setting<Integer> GENERATOR_EVERY = Setting.integer("generatorEvery",
            "train G every n-th iteration, D every iteration").defaultValue(1).require(n -> n > 0, "positive");
}
