package org.gan4j.models.srgan;

import org.gan4j.core.nn.Generator;
import org.gan4j.core.settings.Setting;
import org.gan4j.models.nets.SrNets;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The generator settings SRResNet and SRGAN share, declared once; defaults come from the {@link Preset}.
 * {@link SrResNetSettings} and {@link SrganSettings} implement the accessors.
 */
interface SrGeneratorSettings {
    Setting<Preset> PRESET = Setting.choice("preset", Preset.class,
            "sizes and learning rate: the published model or a small one that learns in minutes on a CPU")
            .defaultValue(Preset.PAPER);
    Setting<Integer> BLOCKS = Setting.integer("blocks", "generator residual blocks")
            .defaultValue(v -> v.get(PRESET).blocks, "16 paper, 4 cpu").require(n -> n >= 0, ">= 0");
    Setting<Integer> FEATURES = Setting.integer("features", "generator feature maps in the trunk")
            .defaultValue(v -> v.get(PRESET).features, "64 paper, 32 cpu").require(n -> n >= 1, ">= 1");
    Setting<Integer> CROP_SIZE = Setting.integer("cropSize", "HR training crop (LR = crop / 4; D's input size)")
            .defaultValue(v -> v.get(PRESET).cropSize, "96 paper, 48 cpu")
            .require(n -> n >= 16 && n % 16 == 0, "a positive multiple of 16");
    Setting<Integer> OUTPUT_KERNEL = Setting.integer("outputKernel", "kernel of the generator's last convolution")
            .defaultValue(v -> v.get(PRESET).outputKernel, "9 paper, 3 cpu").require(k -> k >= 1 && k % 2 == 1, "odd and positive");
    Setting<Boolean> BICUBIC_SKIP = Setting.flag("bicubicSkip",
            "add a fixed bicubic upsampling of the input to G's output, the last conv starting at zero (not in the paper)")
            .defaultValue(v -> v.get(PRESET).bicubicSkip, "false paper, true cpu");
    Setting<Double> LEARNING_RATE = Setting.real("learningRate", "Adam learning rate (beta1 0.9) of every network")
            .defaultValue(v -> v.get(PRESET).learningRate, "1e-4 paper, 5e-4 cpu").require(x -> x > 0, "positive");
    Setting<Integer> LEARNING_RATE_DROP_AT = Setting.integer("learningRateDropAt",
            "iteration from which every network's learning rate is a tenth; 0: constant (SRGAN's GAN stage in the paper:"
            + " 1e-4 for 10^5 iterations, then 1e-5)").defaultValue(0).require(n -> n >= 0, ">= 0");

    int blocks();

    int features();

    int cropSize();

    int outputKernel();

    boolean bicubicSkip();

    double learningRate();

    int learningRateDropAt();

    /** The optimizer of every network of these settings: {@link SrNets#adam(double, int)}. */
    default IUpdater updater() {
        return SrNets.adam(learningRate(), learningRateDropAt());
    }

    /** The generator these settings describe, initialised from {@code seed}. */
    static Generator generator(SrGeneratorSettings s, long seed) {
        int lr = s.cropSize() / SrNets.SCALE;
        return Generator.of(SrNets.generator(seed, s.blocks(), s.features(), s.outputKernel(), s.bicubicSkip(),
                s.updater()), 3, lr, lr);
    }
}
