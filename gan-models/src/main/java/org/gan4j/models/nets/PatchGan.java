package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.gan4j.core.layers.InstanceNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The PatchGAN discriminator of pix2pix and CycleGAN ({@code NLayerDiscriminator}): C64 (4x4 s2, bias, no
 * norm) - LeakyReLU(0.2) - [C(ndf*min(2^n, 8)) 4x4 s2 - norm - LeakyReLU] for n = 1..layers-1 -
 * C(ndf*min(2^layers, 8)) 4x4 s1 - norm - LeakyReLU - C1 4x4 s1 (bias): one logit per patch. All
 * convolutions pad 1. The norm is batch norm (pix2pix; the normalised convolutions then have no bias)
 * or instance norm without affine parameters (CycleGAN; the convolutions keep their bias, as the
 * reference's {@code use_bias} rule gives). {@code layers = 3} is the 70x70 PatchGAN (30x30 logits on 256x256), 1 is the
 * 16x16 one and 2 the 34x34 one. A {@code MultiLayerNetwork}, so it gives input gradients.
 */
public final class PatchGan {
    private PatchGan() {}

    /** Normalisation after the inner convolutions. */
    public enum Norm { BATCH, INSTANCE }

    /** The PatchGAN's configuration (see the class description) for square {@code size} inputs. */
    public static MultiLayerConfiguration config(int layers, int ndf, int inChannels, int size, Norm norm, long seed,
                                          IUpdater updater, DataType dataType) {
        if (layers < 1) {
            throw new IllegalArgumentException("PatchGAN layers must be at least 1, got " + layers);
        }
        var list = Blocks.base(seed, updater, dataType).list()
                .layer(Blocks.conv(ndf, 4, 2, 1, true, Blocks.leaky()));
        for (int n = 1; n <= layers; n++) {
            list.layer(Blocks.conv(ndf * Math.min(1 << n, 8), 4, n < layers ? 2 : 1, 1, norm == Norm.INSTANCE));
            list.layer(norm == Norm.INSTANCE ? InstanceNormalization.builder().build() : Blocks.batchNorm());
            list.layer(Blocks.act(Blocks.leaky()));
        }
        list.layer(Blocks.conv(1, 4, 1, 1, true));
        return list.setInputType(InputType.convolutional(size, size, inChannels)).build();
    }

    /** Side of the logit map for a square input of {@code size}. */
    public static int outputSize(int layers, int size) {
        int s = size;
        for (int n = 1; n <= layers; n++) {
            s /= 2;
        }
        return s - 2;
    }
}
