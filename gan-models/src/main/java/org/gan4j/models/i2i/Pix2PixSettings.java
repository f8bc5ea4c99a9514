package org.gan4j.models.i2i;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link Pix2Pix}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings pix2pix}). Unset sizes and widths follow the preset.
 *
 * @param preset sizes and widths (default {@link Pix2Pix.Preset#PAPER})
 * @param generator generator architecture (default U-Net)
 * @param imageSize side of the training crops (256 paper, 64 cpu)
 * @param loadSize side the images are resized to before the crop (imageSize x 286 / 256)
 * @param unetDepth U-Net down-sampling levels (log2(imageSize): down to 1x1)
 * @param ngf generator filters in the first layer (64 paper, 32 cpu)
 * @param ndf discriminator filters in the first layer (64 paper, 32 cpu)
 * @param dLayers PatchGAN layers (3 paper, 2 cpu)
 * @param resizeConv ResNet generators: up-sampling + conv instead of transposed convolutions (default false)
 * @param learningRate Adam learning rate (default 2e-4)
 * @param beta1 Adam beta1 (default 0.5)
 * @param constantEpochs epochs at the initial rate (default 100)
 * @param decayEpochs epochs of linear decay after them (default 100)
 * @param inputChannels channels of A (default 3)
 * @param outputChannels channels of B (default 3)
 * @param lambdaL1 weight of the L1 term (default 100)
 * @param testTimeDropout dropout and batch statistics at test time, as the reference code (true paper, false cpu)
 * @param direction which half of side-by-side A|B files is the input (default {@link Pix2Pix.Direction#ATOB})
 */
public record Pix2PixSettings(Pix2Pix.Preset preset, Pix2Pix.GeneratorKind generator, int imageSize, int loadSize,
                              int unetDepth, int ngf, int ndf, int dLayers, boolean resizeConv, double learningRate,
                              double beta1, int constantEpochs, int decayEpochs, int inputChannels, int outputChannels,
                              double lambdaL1, boolean testTimeDropout, Pix2Pix.Direction direction)
        implements TranslationSettings {
    static final Setting<Pix2Pix.Preset> PRESET = Setting.choice("preset", Pix2Pix.Preset.class,
            "sizes and widths: the paper's 256x256 model or a 64x64 one that learns in minutes on a CPU")
            .defaultValue(Pix2Pix.Preset.PAPER);
    static final Setting<Pix2Pix.GeneratorKind> GENERATOR = Setting.choice("generator", Pix2Pix.GeneratorKind.class,
            "generator: pix2pix's U-Net or CycleGAN's ResNet with 9 or 6 blocks").defaultValue(Pix2Pix.GeneratorKind.UNET)
            .spelled(k -> k.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
    static final Setting<Integer> UNET_DEPTH = Setting.integer("unetDepth",
            "U-Net down-sampling levels (imageSize must be divisible by 2^depth)")
            .defaultValue(v -> Integer.numberOfTrailingZeros(v.get(TranslationSettings.IMAGE_SIZE)),
                    "log2(imageSize): down to 1x1")
            .require(n -> n >= 2, ">= 2");
    static final Setting<Double> LAMBDA_L1 = Setting.real("lambdaL1", "weight of the L1 term").defaultValue(100.0)
            .require(x -> x >= 0, ">= 0");
    // cpu: a measured deviation, explained in Pix2Pix's javadoc (Test time).
    static final Setting<Boolean> TEST_TIME_DROPOUT = Setting.flag("testTimeDropout",
            "translate with dropout and batch statistics, as the reference test.py (false: inference mode)")
            .defaultValue(v -> v.get(PRESET) == Pix2Pix.Preset.PAPER, "true paper, false cpu");
    static final Setting<Pix2Pix.Direction> DIRECTION = Setting.choice("direction", Pix2Pix.Direction.class,
            "which half of side-by-side A|B files is the input (pix2pix's --direction)")
            .defaultValue(Pix2Pix.Direction.ATOB);

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<Pix2PixSettings> TABLE = SettingTable.of(Pix2Pix.NAME, Pix2PixSettings.class,
            PRESET, GENERATOR, IMAGE_SIZE, LOAD_SIZE, UNET_DEPTH, NGF, NDF, D_LAYERS, RESIZE_CONV, LEARNING_RATE, BETA1,
            CONSTANT_EPOCHS, DECAY_EPOCHS, INPUT_CHANNELS, OUTPUT_CHANNELS, LAMBDA_L1, TEST_TIME_DROPOUT, DIRECTION);

    /** Checks what single settings cannot (the generators check their sizes when built). */
    public Pix2PixSettings {
        TranslationSettings.check(imageSize, loadSize, dLayers);
    }
}
