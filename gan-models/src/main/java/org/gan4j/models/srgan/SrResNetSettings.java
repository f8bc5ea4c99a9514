package org.gan4j.models.srgan;

import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link SrResNet}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings srresnet}). Unset values follow the {@link Preset}.
 *
 * @param preset sizes and learning rate (default {@link Preset#PAPER})
 * @param blocks residual blocks (16 paper, 4 cpu)
 * @param features feature maps in the trunk (64 paper, 32 cpu)
 * @param cropSize HR training crop, a multiple of 16 (96 paper, 48 cpu)
 * @param outputKernel kernel of the last convolution, odd (9 paper, 3 cpu)
 * @param bicubicSkip residual over bicubic upsampling (false paper, true cpu)
 * @param learningRate Adam learning rate (1e-4 paper, 5e-4 cpu)
 * @param learningRateDropAt iteration from which the learning rate is a tenth (default 0: constant, as the paper)
 */
public record SrResNetSettings(Preset preset, int blocks, int features, int cropSize, int outputKernel,
                               boolean bicubicSkip, double learningRate, int learningRateDropAt)
        implements SrGeneratorSettings {

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<SrResNetSettings> TABLE = SettingTable.of(SrResNet.NAME, SrResNetSettings.class,
            PRESET, BLOCKS, FEATURES, CROP_SIZE, OUTPUT_KERNEL, BICUBIC_SKIP, LEARNING_RATE, LEARNING_RATE_DROP_AT);
}
