package org.gan4j.models.i2i;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * pix2pix's PatchGAN discriminator ({@code NLayerDiscriminator}, batch norm): C64 (4x4 s2, bias, no
 * norm) - LeakyReLU(0.2) - [C(ndf*min(2^n, 8)) 4x4 s2 - BN - LeakyReLU] for n = 1..layers-1 -
 * C(ndf*min(2^layers, 8)) 4x4 s1 - BN - LeakyReLU - C1 4x4 s1 (bias): one logit per patch. All
 * convolutions pad 1. {@code layers = 3} is the 70x70 PatchGAN (30x30 logits on 256x256), 1 is the
 * 16x16 one and 2 the 34x34 one. A {@code MultiLayerNetwork}, so it gives input gradients.
 */
final class PatchGan {
    private PatchGan() {}

    static MultiLayerConfiguration config(int layers, int ndf, int inChannels, int size, long seed, IUpdater updater,
                                          DataType dataType) {
        if (layers < 1) {
            throw new IllegalArgumentException("PatchGAN layers must be at least 1, got " + layers);
        }
        var list = Blocks.base(seed, updater, dataType).list()
                .layer(Blocks.conv(ndf, 4, 2, 1, true, Blocks.leaky()));
        for (int n = 1; n <= layers; n++) {
            list.layer(Blocks.conv(ndf * Math.min(1 << n, 8), 4, n < layers ? 2 : 1, 1, false));
            list.layer(Blocks.batchNorm());
            list.layer(Blocks.act(Blocks.leaky()));
        }
        list.layer(Blocks.conv(1, 4, 1, 1, true));
        return list.setInputType(InputType.convolutional(size, size, inChannels)).build();
    }

    /** Side of the logit map for a square input of {@code size}. */
    static int outputSize(int layers, int size) {
        int s = size;
        for (int n = 1; n <= layers; n++) {
            s /= 2;
        }
        return s - 2;
    }
}
