package org.gan4j.models.i2i;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained image-to-image model as inference sees it: images of the input domain to images of the
 * output domain, NCHW in [-1, 1]. {@link Translator} adds file handling and sizes that are not a
 * multiple of {@link #sizeMultiple()}.
 */
public interface ImageTranslator {

    /** Translates a batch; height and width must be multiples of {@link #sizeMultiple()}. */
    INDArray translate(INDArray images);

    /** Height and width of inputs must be multiples of this (2^depth for a U-Net, 4 for a ResNet generator). */
    int sizeMultiple();

    /** Channels of the input domain. */
    int inputChannels();

    /** Channels of the output domain. */
    int outputChannels();

    /**
     * The opposite direction (B to A), for models that learn both (CycleGAN).
     *
     * @throws UnsupportedOperationException for one-directional models such as pix2pix
     */
    default ImageTranslator reverse() {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " translates in one direction only (the one it was trained for)");
    }
}
