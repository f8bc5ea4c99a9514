package org.gan4j.datasets.image;

/** Geometric preprocessing, named as pix2pix/CycleGAN's {@code --preprocess}. */
public enum Preprocess {
    /** Resize to loadSize x loadSize, then crop cropSize x cropSize (the default). */
    RESIZE_AND_CROP,
    /** Crop cropSize x cropSize from the image as stored. */
    CROP,
    /** Resize to width loadSize, keeping the aspect ratio (height at least cropSize). */
    SCALE_WIDTH,
    /** {@link #SCALE_WIDTH}, then crop cropSize x cropSize. */
    SCALE_WIDTH_AND_CROP,
    /** No resize or crop, except rounding both sides to a multiple of 4 as pix2pix does. */
    NONE;

    boolean crops() {
        return this == RESIZE_AND_CROP || this == CROP || this == SCALE_WIDTH_AND_CROP;
    }
}
