package org.gan4j.models.unconditional;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;
import org.gan4j.core.settings.SettingsBuilder;
import org.gan4j.models.AdversarialLossKind;

/**
 * The setters that the MLP GAN's and DCGAN's builders share (the settings of {@code CommonSettings}): latent
 * size, optimizer, loss, label smoothing and G's update interval. Defaults are documented by each variant's
 * settings record.
 */
public abstract class CommonBuilder<R extends Record, B extends CommonBuilder<R, B>> extends SettingsBuilder<R, B> {
    private final Setting<Double> learningRate;
    private final Setting<Double> discriminatorLearningRate;

    /** The variant's own learning-rate settings (their defaults differ between variants). */
    CommonBuilder(SettingTable<R> table, Setting<Double> learningRate, Setting<Double> discriminatorLearningRate) {
        super(table);
        this.learningRate = learningRate;
        this.discriminatorLearningRate = discriminatorLearningRate;
    }

    /** Length of the noise vector z (default 100). */
    public final B latentSize(int n) {
        return set(CommonSettings.LATENT_SIZE, n);
    }

    /** Adam learning rate of G, and of D unless {@link #discriminatorLearningRate} is set (default: the variant's). */
    public final B learningRate(double lr) {
        return set(learningRate, lr);
    }

    /**
     * Adam learning rate of D (default: {@link #learningRate}); a higher one than G's is the two time-scale
     * update rule (Heusel et al. 2017).
     */
    public final B discriminatorLearningRate(double lr) {
        return set(discriminatorLearningRate, lr);
    }

    /** Adam beta1 (default 0.5, Radford et al.). */
    public final B beta1(double b1) {
        return set(CommonSettings.BETA1, b1);
    }

    /** Adam beta2 (default 0.999, Radford et al. use Adam's default). */
    public final B beta2(double b2) {
        return set(CommonSettings.BETA2, b2);
    }

    /** Adversarial loss (default non-saturating BCE). */
    public final B loss(AdversarialLossKind kind) {
        return set(CommonSettings.LOSS, kind);
    }

    /** D's label for real data; below 1 is one-sided label smoothing (default 1). */
    public final B realLabel(double label) {
        return set(CommonSettings.REAL_LABEL, label);
    }

    /** Train G every n-th iteration, D every iteration (default 1). */
    public final B generatorEvery(int n) {
        return set(CommonSettings.GENERATOR_EVERY, n);
    }
}
