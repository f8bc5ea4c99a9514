package org.gan4j.models.srgan;

import org.gan4j.core.settings.SettingTable;
import org.gan4j.core.settings.SettingsBuilder;

/**
 * The setters of the generator settings SRResNet and SRGAN share ({@link SrGeneratorSettings}); every one
 * has a default from the preset.
 *
 * @param <R> the settings record
 * @param <B> the concrete builder, returned by the setters
 */
abstract class SrGeneratorBuilder<R extends Record, B extends SrGeneratorBuilder<R, B>> extends SettingsBuilder<R, B> {

    SrGeneratorBuilder(SettingTable<R> table) {
        super(table);
    }

    /** Size preset (default {@link Preset#PAPER}); explicit settings override it. */
    public B preset(Preset p) {
        return set(SrGeneratorSettings.PRESET, p);
    }

    /** Residual blocks (paper 16, cpu 4). */
    public B blocks(int n) {
        return set(SrGeneratorSettings.BLOCKS, n);
    }

    /** Feature maps in the trunk (paper 64, cpu 32). */
    public B features(int n) {
        return set(SrGeneratorSettings.FEATURES, n);
    }

    /** HR training crop, a multiple of 16 (paper 96, cpu 48); SRGAN's discriminator input size. */
    public B cropSize(int n) {
        return set(SrGeneratorSettings.CROP_SIZE, n);
    }

    /** Kernel of the generator's last convolution, odd (paper 9, cpu 3). */
    public B outputKernel(int k) {
        return set(SrGeneratorSettings.OUTPUT_KERNEL, k);
    }

    /**
     * Add a fixed bicubic upsampling of the input to the output, the last conv starting at zero (not in the
     * paper; paper false, cpu true).
     */
    public B bicubicSkip(boolean on) {
        return set(SrGeneratorSettings.BICUBIC_SKIP, on);
    }

    /** Adam learning rate of every network (paper 1e-4, cpu 5e-4). */
    public B learningRate(double lr) {
        return set(SrGeneratorSettings.LEARNING_RATE, lr);
    }

    /**
     * Iteration (of this variant's own training, counted per network) from which every learning rate is a
     * tenth of {@link #learningRate}; 0 keeps it constant (default). The SRGAN paper drops after 10^5 of its
     * 2x10^5 GAN-stage iterations.
     */
    public B learningRateDropAt(int iteration) {
        return set(SrGeneratorSettings.LEARNING_RATE_DROP_AT, iteration);
    }
}
