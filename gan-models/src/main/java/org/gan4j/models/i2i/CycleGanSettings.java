package org.gan4j.models.i2i;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link CycleGan}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings cyclegan}). Unset sizes and widths follow the preset.
 *
 * @param preset sizes and widths (default {@link CycleGan.Preset#PAPER})
 * @param imageSize side of the training crops (256 paper, 64 cpu)
 * @param loadSize side the images are resized to before the crop (imageSize x 286 / 256)
 * @param ngf generator filters in the first layer (64 paper, 32 cpu)
 * @param ndf discriminator filters in the first layer (64 paper, 32 cpu)
 * @param dLayers PatchGAN layers (3 paper, 2 cpu)
 * @param learningRate Adam learning rate (default 2e-4)
 * @param beta1 Adam beta1 (default 0.5)
 * @param constantEpochs epochs at the initial rate (default 100)
 * @param decayEpochs epochs of linear decay after them (default 100)
 * @param inputChannels channels of A (default 3)
 * @param outputChannels channels of B (default 3)
 * @param blocks residual blocks per generator (9 paper, 3 cpu)
 * @param resizeConv up-sampling + conv instead of transposed convolutions (default false)
 * @param lambdaA weight of the A to B to A cycle term (default 10)
 * @param lambdaB weight of the B to A to B cycle term (default 10)
 * @param lambdaIdentity identity weight relative to the cycle weights (default 0.5; 0: no identity terms)
 * @param poolSize images in each discriminator's pool of fakes (default 50; 0: no pool)
 */
public record CycleGanSettings(CycleGan.Preset preset, int imageSize, int loadSize, int ngf, int ndf, int dLayers,
                               double learningRate, double beta1, int constantEpochs, int decayEpochs,
                               int inputChannels, int outputChannels, int blocks, boolean resizeConv, double lambdaA,
                               double lambdaB, double lambdaIdentity, int poolSize) implements TranslationSettings {
    static final Setting<CycleGan.Preset> PRESET = Setting.choice("preset", CycleGan.Preset.class,
            "sizes and widths: the paper's 256x256 model or a 64x64 one that learns in minutes on a CPU")
            .defaultValue(CycleGan.Preset.PAPER);
    static final Setting<Integer> BLOCKS = Setting.integer("blocks", "residual blocks per generator")
            .defaultValue(v -> v.get(PRESET) == CycleGan.Preset.PAPER ? 9 : 3, "9 paper, 3 cpu")
            .require(n -> n > 0, "positive");
    static final Setting<Double> LAMBDA_A = Setting.real("lambdaA", "weight of the cycle term A -> B -> A")
            .defaultValue(10.0).require(x -> x >= 0, ">= 0");
    static final Setting<Double> LAMBDA_B = Setting.real("lambdaB", "weight of the cycle term B -> A -> B")
            .defaultValue(10.0).require(x -> x >= 0, ">= 0");
    static final Setting<Double> LAMBDA_IDENTITY = Setting.real("lambdaIdentity",
            "identity weight relative to the cycle weights (0 switches the identity terms off)").defaultValue(0.5)
            .require(x -> x >= 0, ">= 0");
    static final Setting<Integer> POOL_SIZE = Setting.integer("poolSize",
            "images in each discriminator's pool of fakes (0: no pool)").defaultValue(50).require(n -> n >= 0, ">= 0");

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<CycleGanSettings> TABLE = SettingTable.of(CycleGan.NAME, CycleGanSettings.class,
            PRESET, IMAGE_SIZE, LOAD_SIZE, NGF, NDF, D_LAYERS, LEARNING_RATE, BETA1, CONSTANT_EPOCHS, DECAY_EPOCHS,
            INPUT_CHANNELS, OUTPUT_CHANNELS, BLOCKS, RESIZE_CONV, LAMBDA_A, LAMBDA_B, LAMBDA_IDENTITY, POOL_SIZE);

    /** Checks what single settings cannot. */
    public CycleGanSettings {
        TranslationSettings.check(imageSize, loadSize, dLayers);
        if (imageSize % 4 != 0) {
            throw new IllegalArgumentException("cyclegan imageSize must be a multiple of 4, got " + imageSize);
        }
        if (lambdaIdentity > 0 && inputChannels != outputChannels) {
            throw new IllegalArgumentException("the identity loss needs as many channels in A as in B (got "
                    + inputChannels + " and " + outputChannels + "): set lambdaIdentity=0");
        }
    }
}
