package org.gan4j.models.srgan;

import java.nio.file.Path;
import org.gan4j.core.loss.PerceptualLoss;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/**
 * The settings of {@link Srgan}; {@link #TABLE} lists each with its default and description
 * ({@code gan settings srgan}). The generator settings are {@link SrResNet}'s.
 *
 * @param preset sizes and learning rate (default {@link Preset#PAPER})
 * @param blocks generator residual blocks (16 paper, 4 cpu)
 * @param features generator feature maps (64 paper, 32 cpu)
 * @param cropSize HR crop = D's input size, a multiple of 16 (96 paper, 48 cpu)
 * @param outputKernel kernel of G's last convolution (9 paper, 3 cpu)
 * @param bicubicSkip residual over bicubic upsampling in G (false paper, true cpu)
 * @param learningRate Adam learning rate of both networks (1e-4 paper, 5e-4 cpu)
 * @param learningRateDropAt iteration from which both learning rates are a tenth (default 0: constant; the paper
 *        drops after 10^5 of its 2x10^5 iterations)
 * @param discriminatorFilters D's first-layer filters, doubled up to 8x (64 paper, 32 cpu)
 * @param discriminatorDense D's dense units (1024 paper, 256 cpu)
 * @param adversarialWeight weight of the adversarial term in G's loss (default 1e-3)
 * @param content content term (default {@link Srgan.Content#MSE})
 * @param contentNetwork feature network file for {@link Srgan.Content#FEATURES} (default none)
 * @param contentLayer layer of the feature network (default block5_conv4)
 * @param contentScaling input scaling of the feature network (default caffe)
 * @param contentFeatureScale multiplier of the features before the MSE (default 1/12.75)
 */
public record SrganSettings(Preset preset, int blocks, int features, int cropSize, int outputKernel,
                            boolean bicubicSkip, double learningRate, int learningRateDropAt, int discriminatorFilters,
                            int discriminatorDense, double adversarialWeight, Srgan.Content content, Path contentNetwork, String contentLayer,
                            PerceptualLoss.InputScaling contentScaling, double contentFeatureScale)
        implements SrGeneratorSettings {
    /** What {@code contentNetwork} says when the feature network was given in memory (it cannot be reloaded). */
    static final String IN_MEMORY = "(in-memory)";

    static final Setting<Integer> DISCRIMINATOR_FILTERS = Setting.integer("discriminatorFilters",
            "discriminator filters of its first layer, doubled up to 8x")
            .defaultValue(v -> v.get(PRESET).discriminatorFilters, "64 paper, 32 cpu").require(n -> n >= 1, ">= 1");
    static final Setting<Integer> DISCRIMINATOR_DENSE = Setting.integer("discriminatorDense", "discriminator dense units")
            .defaultValue(v -> v.get(PRESET).discriminatorDense, "1024 paper, 256 cpu").require(n -> n >= 1, ">= 1");
    static final Setting<Double> ADVERSARIAL_WEIGHT = Setting.real("adversarialWeight",
            "weight of the adversarial term in G's loss").defaultValue(1e-3).require(x -> x >= 0, ">= 0");
    static final Setting<Srgan.Content> CONTENT = Setting.choice("content", Srgan.Content.class,
            "content term: pixel MSE (SRGAN-MSE) or MSE of a feature network's activations (SRGAN-VGG54)")
            .defaultValue(Srgan.Content.MSE);
    static final Setting<Path> CONTENT_NETWORK = Setting.path("contentNetwork",
            "content=features: a DL4J ComputationGraph zip, e.g. an imported VGG19").optional()
            .require(p -> !p.toString().equals(IN_MEMORY), "a file (this SRGAN used an in-memory feature network:"
                    + " rebuild it with Srgan.builder().featureNetwork(...) or give contentNetwork=PATH)");
    static final Setting<String> CONTENT_LAYER = Setting.text("contentLayer", "content=features: the layer compared")
            .defaultValue("block5_conv4");
    static final Setting<PerceptualLoss.InputScaling> CONTENT_SCALING = Setting.choice("contentScaling",
            PerceptualLoss.InputScaling.class, "content=features: the input the feature network expects")
            .defaultValue(PerceptualLoss.InputScaling.CAFFE);
    static final Setting<Double> CONTENT_FEATURE_SCALE = Setting.real("contentFeatureScale",
            "content=features: multiplier of the features before the MSE (paper 1/12.75 for VGG19)")
            .defaultValue(1 / 12.75);

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<SrganSettings> TABLE = SettingTable.of(Srgan.NAME, SrganSettings.class,
            PRESET, BLOCKS, FEATURES, CROP_SIZE, OUTPUT_KERNEL, BICUBIC_SKIP, LEARNING_RATE, LEARNING_RATE_DROP_AT,
            DISCRIMINATOR_FILTERS, DISCRIMINATOR_DENSE, ADVERSARIAL_WEIGHT, CONTENT, CONTENT_NETWORK, CONTENT_LAYER,
            CONTENT_SCALING, CONTENT_FEATURE_SCALE);
}
