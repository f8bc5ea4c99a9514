package org.gan4j.models.i2i;

import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link DiscoGan}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings discogan}). Unset widths and the curriculum follow the preset.
 *
 * @param preset widths and curriculum (default {@link DiscoGan.Preset#PAPER})
 * @param imageSize image side, a multiple of 16 and at least 64 (default 64)
 * @param inputChannels channels of domain A, 1 or 3 (default 3)
 * @param outputChannels channels of domain B, 1 or 3 (default 3)
 * @param ngf generator filters in the first layer (64 paper, 32 cpu)
 * @param ndf discriminator filters in the first layer (64 paper, 32 cpu)
 * @param ganCurriculum iterations with the starting rate (10000 paper, 500 cpu)
 * @param startingRate reconstruction weight during the curriculum (default 0.01)
 * @param defaultRate reconstruction weight after it (0.5 paper, 0.9 cpu)
 * @param updateInterval D updates on multiples of this iteration, G on the others (default 3)
 * @param learningRate Adam learning rate (default 2e-4)
 * @param beta1 Adam beta1 (default 0.5)
 * @param beta2 Adam beta2 (default 0.999)
 * @param weightDecay L2 weight decay through Adam (default 1e-5)
 * @param reconLoss reconstruction distance (default L2)
 * @param testBatchStatistics translate with each call's own batch statistics (default false: statistics of the
 *     first 64 training images of the input domain, re-estimated for the current weights)
 */
public record DiscoGanSettings(DiscoGan.Preset preset, int imageSize, int inputChannels, int outputChannels, int ngf, int ndf, int ganCurriculum,
                               double startingRate, double defaultRate, int updateInterval, double learningRate,
                               double beta1, double beta2, double weightDecay, ReconstructionLoss reconLoss,
                               boolean testBatchStatistics) {
    static final Setting<DiscoGan.Preset> PRESET = Setting.choice("preset", DiscoGan.Preset.class,
            "widths and curriculum: the authors' code or half the filters and a short curriculum for a CPU")
            .defaultValue(DiscoGan.Preset.PAPER);
    static final Setting<Integer> IMAGE_SIZE = Setting.integer("imageSize",
            "image side (D ends in a 4x4 convolution at 1/16 of it)").defaultValue(64)
            .require(n -> n >= 64 && n % 16 == 0, "a multiple of 16 and at least 64");
    static final Setting<Integer> NGF = Setting.integer("ngf", "generator filters in the first layer")
            .defaultValue(v -> v.get(PRESET) == DiscoGan.Preset.PAPER ? 64 : 32, "64 paper, 32 cpu")
            .require(n -> n > 0, "positive");
    static final Setting<Integer> NDF = Setting.integer("ndf", "discriminator filters in the first layer")
            .defaultValue(v -> v.get(PRESET) == DiscoGan.Preset.PAPER ? 64 : 32, "64 paper, 32 cpu")
            .require(n -> n > 0, "positive");
    static final Setting<Integer> GAN_CURRICULUM = Setting.integer("ganCurriculum",
            "iterations with the starting reconstruction rate")
            .defaultValue(v -> v.get(PRESET) == DiscoGan.Preset.PAPER ? 10000 : 500, "10000 paper, 500 cpu")
            .require(n -> n >= 0, ">= 0");
    static final Setting<Double> STARTING_RATE = Setting.real("startingRate",
            "reconstruction weight during the curriculum").defaultValue(0.01).require(x -> x >= 0 && x <= 1, "in [0, 1]");
    // cpu: a measured deviation, explained in DiscoGan's javadoc (CPU preset).
    static final Setting<Double> DEFAULT_RATE = Setting.real("defaultRate", "reconstruction weight after the curriculum")
            .defaultValue(v -> v.get(PRESET) == DiscoGan.Preset.PAPER ? 0.5 : 0.9, "0.5 paper, 0.9 cpu")
            .require(x -> x >= 0 && x <= 1, "in [0, 1]");
    static final Setting<Integer> UPDATE_INTERVAL = Setting.integer("updateInterval",
            "iterations that are multiples of this update the discriminators, the others the generators")
            .defaultValue(3).require(n -> n >= 2, ">= 2 (one D iteration, then G iterations)");
    static final Setting<Double> LEARNING_RATE = Setting.real("learningRate", "Adam learning rate of every network")
            .defaultValue(2e-4).require(x -> x > 0, "positive");
    static final Setting<Double> BETA1 = Setting.real("beta1", "Adam beta1").defaultValue(0.5)
            .require(x -> x >= 0 && x < 1, "in [0, 1)");
    static final Setting<Double> BETA2 = Setting.real("beta2", "Adam beta2").defaultValue(0.999)
            .require(x -> x >= 0 && x < 1, "in [0, 1)");
    static final Setting<Double> WEIGHT_DECAY = Setting.real("weightDecay",
            "L2 weight decay added to the gradient (PyTorch Adam's weight_decay)").defaultValue(1e-5)
            .require(x -> x >= 0, ">= 0");
    static final Setting<ReconstructionLoss> RECON_LOSS = Setting.choice("reconLoss", ReconstructionLoss.class,
            "reconstruction distance").defaultValue(ReconstructionLoss.L2);
    static final Setting<Boolean> TEST_BATCH_STATISTICS = Setting.flag("testBatchStatistics",
            "translate with each call's own batch statistics (false: statistics of 64 training images of the input"
            + " domain re-estimated for the current weights, as the authors' code gets by translating its whole test"
            + " set in one batch)").defaultValue(false);

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<DiscoGanSettings> TABLE = SettingTable.of(DiscoGan.NAME, DiscoGanSettings.class,
            PRESET, IMAGE_SIZE, TranslationSettings.INPUT_CHANNELS, TranslationSettings.OUTPUT_CHANNELS, NGF, NDF, GAN_CURRICULUM, STARTING_RATE, DEFAULT_RATE, UPDATE_INTERVAL, LEARNING_RATE,
            BETA1, BETA2, WEIGHT_DECAY, RECON_LOSS, TEST_BATCH_STATISTICS);
}
