package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** {@link TransformOptions} applied to decoded pixels; the random parameters are drawn separately. */
final class Transform {
    private final TransformOptions opt;
    private final boolean train;

    Transform(TransformOptions opt, boolean train) {
        if (opt.preprocess() == Preprocess.RESIZE_AND_CROP && opt.cropSize() > opt.loadSize()) {
            throw new IllegalArgumentException("cropSize " + opt.cropSize() + " is larger than loadSize "
                    + opt.loadSize() + " (fix: set loadSize >= cropSize, e.g. 286 and 256)");
        }
        this.opt = opt;
        this.train = train;
    }

    /** Random parameters of one image: the crop's corner in the resized image, and the flip. */
    record Params(int resizedW, int resizedH, int x, int y, int outW, int outH, boolean flip) {}

    /** One transformed image: CHW floats in [-1, 1]. */
    record Item(float[] data, int channels, int height, int width) {}

    /** Size after resizing, [w, h]. */
    int[] resized(int w, int h) {
        int load = opt.loadSize();
        return switch (opt.preprocess()) {
            case RESIZE_AND_CROP -> new int[] {load, load};
            case CROP -> new int[] {w, h};
            case SCALE_WIDTH, SCALE_WIDTH_AND_CROP -> (w == load && h >= opt.cropSize())
                    ? new int[] {w, h}
                    : new int[] {load, Math.max((int) ((long) load * h / w), opt.cropSize())};
            case NONE -> new int[] {Math.max(4, Math.round(w / 4f) * 4), Math.max(4, Math.round(h / 4f) * 4)};
        };
    }

    /**
     * Draws the parameters for an image of {@code w x h}; the same parameters serve both halves of a pair.
     * The random draws happen in a fixed order whatever the options, so they depend only on {@code rng}.
     */
    Params draw(SplittableRandom rng, int w, int h, Path file) {
        int[] r = resized(w, h);
        int rw = r[0];
        int rh = r[1];
        int cw = opt.preprocess().crops() ? opt.cropSize() : rw;
        int ch = opt.preprocess().crops() ? opt.cropSize() : rh;
        if (cw > rw || ch > rh) {
            throw new BadImageException(file, "crop size " + opt.cropSize() + " is larger than the image ("
                    + rw + "x" + rh + (opt.preprocess() == Preprocess.CROP ? "" : " after resizing") + ")",
                    "use a smaller cropSize, a larger loadSize, or preprocess RESIZE_AND_CROP");
        }
        int rx = rng.nextInt(Integer.MAX_VALUE);
        int ry = rng.nextInt(Integer.MAX_VALUE);
        boolean rf = rng.nextBoolean();
        int x = train ? rx % (rw - cw + 1) : (rw - cw) / 2;
        int y = train ? ry % (rh - ch + 1) : (rh - ch) / 2;
        return new Params(rw, rh, x, y, cw, ch, train && opt.flip() && rf);
    }

    Item apply(Pixels p, Params prm) {
        float[] out = new float[p.channels() * prm.outW() * prm.outH()];
        Resampler.resizeCropFlip(p, prm.resizedW(), prm.resizedH(), prm.x(), prm.y(), prm.outW(), prm.outH(),
                prm.flip(), out, 0);
        return new Item(out, p.channels(), prm.outH(), prm.outW());
    }
}
