package org.gan4j.models.i2i;

import org.gan4j.core.settings.SettingTable;
import org.gan4j.core.settings.SettingsBuilder;
import org.gan4j.models.nets.PatchGan;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The setters of the settings pix2pix and CycleGAN share ({@link TranslationSettings}: defaults by preset)
 * and the networks' data type, which is not a setting (not saved in configs).
 *
 * @param <R> the settings record
 * @param <B> the concrete builder, returned by the setters
 */
abstract class TranslationBuilder<R extends Record, B extends TranslationBuilder<R, B>> extends SettingsBuilder<R, B> {
    DataType dataType = DataType.FLOAT;

    TranslationBuilder(SettingTable<R> table) {
        super(table);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Training crop size (default 256 PAPER, 64 CPU). */
    public B imageSize(int size) {
        return set(TranslationSettings.IMAGE_SIZE, size);
    }

    /** Resize before cropping (default imageSize * 286 / 256: 286 PAPER, 72 CPU). */
    public B loadSize(int size) {
        return set(TranslationSettings.LOAD_SIZE, size);
    }

    /** Generator filters in the first layer (default 64 PAPER, 32 CPU). */
    public B ngf(int n) {
        return set(TranslationSettings.NGF, n);
    }

    /** Discriminator filters in the first layer (default 64 PAPER, 32 CPU). */
    public B ndf(int n) {
        return set(TranslationSettings.NDF, n);
    }

    /** PatchGAN layers (default 3 = 70x70 PAPER, 2 = 34x34 CPU). */
    public B discriminatorLayers(int n) {
        return set(TranslationSettings.D_LAYERS, n);
    }

    /** ResNet generators: up-sample + conv instead of transposed convolutions (default false). */
    public B resizeConv(boolean on) {
        return set(TranslationSettings.RESIZE_CONV, on);
    }

    /** Adam learning rate of every network (default 2e-4). */
    public B learningRate(double lr) {
        return set(TranslationSettings.LEARNING_RATE, lr);
    }

    /** Adam beta1 (default 0.5). */
    public B beta1(double b1) {
        return set(TranslationSettings.BETA1, b1);
    }

    /**
     * Learning-rate policy: constant for {@code constant} epochs, then linear decay towards 0 over
     * {@code decay} epochs (default 100 and 100, the reference code's {@code n_epochs} and
     * {@code n_epochs_decay}; decay 0 keeps the rate constant).
     */
    public B epochs(int constant, int decay) {
        return set(TranslationSettings.CONSTANT_EPOCHS, constant).set(TranslationSettings.DECAY_EPOCHS, decay);
    }

    /** Channels of A and B (default 3 and 3). */
    public B channels(int a, int b) {
        return set(TranslationSettings.INPUT_CHANNELS, a).set(TranslationSettings.OUTPUT_CHANNELS, b);
    }

    /** Network data type (default FLOAT; DOUBLE for exact tests). Not a setting: not part of the saved config. */
    public B dataType(DataType type) {
        this.dataType = type;
        return self();
    }
}
