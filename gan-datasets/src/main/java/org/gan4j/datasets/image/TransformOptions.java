package org.gan4j.datasets.image;

import java.util.Objects;

/**
 * Per-image transforms, pix2pix/CycleGAN conventions: resize to {@code loadSize} (bicubic, antialiased
 * when shrinking) -> random crop {@code cropSize} -> random horizontal flip -> tensor in [-1, 1].
 * In test mode (see the dataset builders) the crop is centred and there is no flip.
 *
 * @param preprocess geometric preprocessing (default {@link Preprocess#RESIZE_AND_CROP})
 * @param loadSize size to resize to (default 286)
 * @param cropSize crop size (default 256)
 * @param flip random horizontal flip in training (default true)
 */
public record TransformOptions(Preprocess preprocess, int loadSize, int cropSize, boolean flip) {

    public TransformOptions {
        Objects.requireNonNull(preprocess, "preprocess");
        if (loadSize < 1 || cropSize < 1) {
            throw new IllegalArgumentException("loadSize and cropSize must be positive, got " + loadSize + " and " + cropSize);
        }
    }

    /** pix2pix/CycleGAN training defaults: resize 286, random crop 256, flip. */
    public static TransformOptions defaults() {
        return new TransformOptions(Preprocess.RESIZE_AND_CROP, 286, 256, true);
    }

    /** Resize to {@code size} and nothing else (load = crop = size): what pix2pix uses at test time. */
    public static TransformOptions resizeOnly(int size) {
        return new TransformOptions(Preprocess.RESIZE_AND_CROP, size, size, false);
    }

    public TransformOptions withPreprocess(Preprocess p) {
        return new TransformOptions(p, loadSize, cropSize, flip);
    }

    public TransformOptions withLoadSize(int size) {
        return new TransformOptions(preprocess, size, cropSize, flip);
    }

    public TransformOptions withCropSize(int size) {
        return new TransformOptions(preprocess, loadSize, size, flip);
    }

    public TransformOptions withFlip(boolean on) {
        return new TransformOptions(preprocess, loadSize, cropSize, on);
    }
}
