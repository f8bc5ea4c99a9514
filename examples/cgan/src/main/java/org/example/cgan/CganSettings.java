package org.example.cgan;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link Cgan}: one record component per setting, one {@link Setting} declaring its name, default,
 * check and description, and the {@link #TABLE} that reads and writes them ({@code config()}, checkpoints, the
 * command line's {@code --set key=value}, {@code ./gan settings cgan}).
 *
 * @param latentSize length of the noise vector z (default 100)
 * @param learningRate Adam learning rate of both networks (default 2e-4)
 * @param beta1 Adam beta1 of both networks (default 0.5)
 * @param realLabel D's target for real digits; below 1 is one-sided label smoothing (default 1)
 * @param labelScale the hot entry of the label code beside D's image (default 30; G gets a plain one-hot; see
 *     {@link Cgan})
 */
public record CganSettings(int latentSize, double learningRate, double beta1, double realLabel, double labelScale) {
    static final Setting<Integer> LATENT_SIZE = Setting.integer("latentSize", "length of the noise vector z")
            .defaultValue(100).require(n -> n > 0, "positive");
    static final Setting<Double> LEARNING_RATE = Setting.real("learningRate", "Adam learning rate (G and D)")
            .defaultValue(2e-4).require(x -> x > 0, "positive");
    static final Setting<Double> BETA1 = Setting.real("beta1", "Adam beta1 (G and D)")
            .defaultValue(0.5).require(x -> x >= 0 && x < 1, "in [0, 1)");
    static final Setting<Double> REAL_LABEL = Setting.real("realLabel",
                    "D's target for real digits; below 1 is one-sided label smoothing")
            .defaultValue(1.0).require(x -> x > 0 && x <= 1, "in (0, 1]");
    static final Setting<Double> LABEL_SCALE = Setting.real("labelScale",
                    "hot entry of the label code beside D's image (1 = one-hot; G always gets a one-hot label)")
            .defaultValue(30.0).require(x -> x > 0, "positive");

    /** The settings in order, with defaults and descriptions. */
    public static final SettingTable<CganSettings> TABLE = SettingTable.of(Cgan.NAME, CganSettings.class,
            LATENT_SIZE, LEARNING_RATE, BETA1, REAL_LABEL, LABEL_SCALE);
}
