package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.gan4j.core.layers.InputGradientTap;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * pix2pix's U-Net generator ({@code UnetGenerator} of the reference PyTorch code, batch norm):
 * {@code depth} stride-2 4x4 convolutions down, the same number of 4x4 stride-2 transposed
 * convolutions up, skip connections (channel concatenation) between mirrored levels.
 *
 * <p>Level k = 1..depth has {@code ngf * min(2^(k-1), 8)} filters. Encoder: C64 (no norm) -
 * [LeakyReLU(0.2) - Conv - BN] ... - LeakyReLU - Conv (innermost, no norm). Decoder: ReLU - ConvT -
 * BN (- Dropout 0.5 on the ngf*8 levels between level 5 and the innermost: three for unet_256, two for
 * unet_128) ... ReLU - ConvT(output channels, bias) - tanh. Convolutions have no bias except the last
 * (batch norm follows them). As in the reference code, whose in-place LeakyReLU modifies the skip
 * tensor, the skip connections carry the LeakyReLU-activated encoder features.
 */
public final class UnetGenerator {
    private UnetGenerator() {}

    /** Filters at U-Net level {@code level} (1 = outermost): ngf * min(2^(level-1), 8). */
    public static int filters(int ngf, int level) {
        return ngf * Math.min(1 << (level - 1), 8);
    }

    /**
     * The U-Net generator's configuration (a graph, see the class description) for square {@code size}
     * inputs; sizes must be multiples of 2^depth.
     */
    public static ComputationGraphConfiguration config(int depth, int ngf, int inChannels, int outChannels, int size,
                                                long seed, IUpdater updater, DataType dataType) {
        if (depth < 2) {
            throw new IllegalArgumentException("U-Net depth must be at least 2, got " + depth);
        }
        if (size % (1 << depth) != 0) {
            throw new IllegalArgumentException("a U-Net of depth " + depth + " needs an image size divisible by "
                    + (1 << depth) + ", got " + size);
        }
        var g = Blocks.base(seed, updater, dataType).trainingWorkspaceMode(WorkspaceMode.NONE).graphBuilder()
                .addInputs("input")
                .addLayer("tap", new InputGradientTap(), "input")
                .addLayer("down1", Blocks.conv(filters(ngf, 1), 4, 2, 1, false), "tap");
        String prev = "down1";
        for (int k = 2; k <= depth; k++) {
            g.addLayer("skip" + (k - 1), Blocks.act(Blocks.leaky()), prev);
            g.addLayer("down" + k, Blocks.conv(filters(ngf, k), 4, 2, 1, false), "skip" + (k - 1));
            prev = "down" + k;
            if (k < depth) {
                g.addLayer("down" + k + "_bn", Blocks.batchNorm(), prev);
                prev = "down" + k + "_bn";
            }
        }
        // innermost: ReLU - ConvT - BN
        g.addLayer("up" + depth + "_relu", Blocks.act(Activation.RELU), prev);
        g.addLayer("up" + depth, Blocks.deconv(filters(ngf, depth - 1), 4, 2, 1, false,
                Activation.IDENTITY.getActivationFunction()), "up" + depth + "_relu");
        g.addLayer("up" + depth + "_bn", Blocks.batchNorm(), "up" + depth);
        String d = "up" + depth + "_bn";
        for (int k = depth - 1; k >= 1; k--) {
            g.addVertex("cat" + k, new MergeVertex(), "skip" + k, d);
            g.addLayer("up" + k + "_relu", Blocks.act(Activation.RELU), "cat" + k);
            if (k == 1) {
                g.addLayer("up1", Blocks.deconv(outChannels, 4, 2, 1, true, Activation.TANH.getActivationFunction()),
                        "up1_relu");
                d = "up1";
            } else {
                g.addLayer("up" + k, Blocks.deconv(filters(ngf, k - 1), 4, 2, 1, false,
                        Activation.IDENTITY.getActivationFunction()), "up" + k + "_relu");
                g.addLayer("up" + k + "_bn", Blocks.batchNorm(), "up" + k);
                d = "up" + k + "_bn";
                if (hasDropout(k, depth)) {
                    g.addLayer("up" + k + "_dropout", new DropoutLayer.Builder(0.5).build(), d); // keep probability
                    d = "up" + k + "_dropout";
                }
            }
        }
        return g.setOutputs(d).setInputTypes(InputType.convolutional(size, size, inChannels)).build();
    }

    /** The reference code's num_downs - 5 blocks of ngf*8 filters between level 4 and the innermost. */
    public static boolean hasDropout(int level, int depth) {
        return level >= 5 && level < depth;
    }
}
