package org.gan4j.models.i2i;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingValues;
import org.nd4j.linalg.learning.config.Adam;
import org.gan4j.models.nets.PatchGan;

/**
 * The settings pix2pix and CycleGAN share (sizes, widths, PatchGAN depth, Adam and the linear policy,
 * channels), declared once with the defaults of their two presets: PAPER 256x256 (load 286), ngf/ndf 64,
 * 3-layer PatchGAN; CPU 64x64 (load 72), ngf/ndf 32, 2-layer PatchGAN. Each table puts its {@code preset}
 * first; {@link Pix2PixSettings} and {@link CycleGanSettings} implement the accessors.
 */
interface TranslationSettings {
    Setting<Integer> IMAGE_SIZE = Setting.integer("imageSize", "side of the square training crops")
            .defaultValue(v -> paper(v) ? 256 : 64, "256 paper, 64 cpu").require(n -> n > 0, "positive");
    Setting<Integer> LOAD_SIZE = Setting.integer("loadSize", "side the training images are resized to before the crop")
            .defaultValue(v -> (int) Math.round(v.get(IMAGE_SIZE) * 286.0 / 256.0), "imageSize x 286 / 256: 286 paper, 72 cpu")
            .require(n -> n > 0, "positive");
    Setting<Integer> NGF = Setting.integer("ngf", "generator filters in the first layer")
            .defaultValue(v -> paper(v) ? 64 : 32, "64 paper, 32 cpu").require(n -> n > 0, "positive");
    Setting<Integer> NDF = Setting.integer("ndf", "discriminator filters in the first layer")
            .defaultValue(v -> paper(v) ? 64 : 32, "64 paper, 32 cpu").require(n -> n > 0, "positive");
    Setting<Integer> D_LAYERS = Setting.integer("dLayers", "PatchGAN layers (3: 70x70 patches, 2: 34x34, 1: 16x16)")
            .defaultValue(v -> paper(v) ? 3 : 2, "3 paper, 2 cpu").require(n -> n > 0, "positive");
    Setting<Boolean> RESIZE_CONV = Setting.flag("resizeConv",
            "ResNet generators: nearest up-sampling + conv instead of transposed convolutions").defaultValue(false);
    Setting<Double> LEARNING_RATE = Setting.real("learningRate", "Adam learning rate of every network")
            .defaultValue(2e-4).require(x -> x > 0, "positive");
    Setting<Double> BETA1 = Setting.real("beta1", "Adam beta1 (beta2 0.999)").defaultValue(0.5)
            .require(x -> x >= 0 && x < 1, "in [0, 1)");
    Setting<Integer> CONSTANT_EPOCHS = Setting.integer("constantEpochs",
            "epochs at the initial learning rate (the reference code's n_epochs)").defaultValue(100)
            .require(n -> n >= 0, ">= 0");
    Setting<Integer> DECAY_EPOCHS = Setting.integer("decayEpochs",
            "epochs of linear decay towards 0 after them (n_epochs_decay; 0 keeps the rate constant)").defaultValue(100)
            .require(n -> n >= 0, ">= 0");
    Setting<Integer> INPUT_CHANNELS = Setting.integer("inputChannels", "channels of domain A (the input)")
            .defaultValue(3).require(c -> c == 1 || c == 3, "1 or 3");
    Setting<Integer> OUTPUT_CHANNELS = Setting.integer("outputChannels", "channels of domain B (the output)")
            .defaultValue(3).require(c -> c == 1 || c == 3, "1 or 3");

    int imageSize();

    int loadSize();

    int ngf();

    int ndf();

    int dLayers();

    double learningRate();

    double beta1();

    int constantEpochs();

    int decayEpochs();

    int inputChannels();

    int outputChannels();

    /** Whether the table's preset (its first setting) is PAPER. */
    private static boolean paper(SettingValues v) {
        return ((Enum<?>) v.get("preset")).name().equals("PAPER");
    }

    /** Checks relations between the shared settings (from a compact constructor: the fields are not set yet). */
    static void check(int imageSize, int loadSize, int dLayers) {
        if (loadSize < imageSize) {
            throw new IllegalArgumentException("loadSize " + loadSize + " is smaller than imageSize " + imageSize);
        }
        if (PatchGan.outputSize(dLayers, imageSize) < 1) {
            throw new IllegalArgumentException("a PatchGAN with " + dLayers + " layers needs images larger than "
                    + imageSize);
        }
    }

    /** Adam with the linear policy, for every network. */
    static Adam adam(TranslationSettings s) {
        return Blocks.adam(s.learningRate(), s.beta1(), s.constantEpochs(), s.decayEpochs());
    }
}
