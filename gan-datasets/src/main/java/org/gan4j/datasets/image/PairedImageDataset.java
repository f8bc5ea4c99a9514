package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.EpochOrder;

/**
 * pix2pix's paired layout (edges2shoes): {@code ROOT/train}, {@code ROOT/val} (or any split name), each
 * file one image with A on the left half and B on the right half (512x256 in the original).
 *
 * <p>The crop position and the flip are drawn once per pair and applied to both halves. The image width
 * must be even; with {@code squareHalves(true)} (the default) it must also be exactly twice the height.
 * Training visits every pair once per epoch in a shuffled order; test mode visits them in name order
 * with a centre crop and no flip. {@link Batch#a()} holds the input side (see {@link Direction}).
 */
public final class PairedImageDataset extends ImageDataset {
    private final ImageList list;
    private final boolean squareHalves;

    private PairedImageDataset(Builder b) {
        super(b, splitDir(b));
        this.list = lists[0];
        this.squareHalves = b.squareHalves;
        checkSize();
    }

    private static Path splitDir(Builder b) {
        return requireRoot(b.path, "give the folder that holds train/ and val/").resolve(b.splitOr("val"));
    }

    /** A builder for the dataset under {@code root}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** The pair files of the split, sorted by name. */
    public List<Path> files() {
        return list.files();
    }

    /** Pairs per epoch. */
    @Override
    public int size() {
        return list.size();
    }

    @Override
    Batch batch(long seed, int epoch, int[] order, int index) {
        Transform.Item[] as = new Transform.Item[batchSize];
        Transform.Item[] bs = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            Transform.Item[] pair = list.load(order[k], seed, epoch, k, 0, file -> pair(file, seed, epoch, k));
            as[j] = pair[0];
            bs[j] = pair[1];
        }
        return stack(as, bs);
    }

    private Transform.Item[] pair(Path file, long seed, int epoch, int k) {
        Pixels p = list.decode(file);
        int[] halves = halves(file, p.width(), p.height(), squareHalves);
        int hw = halves[0];
        Pixels left = p.cropColumns(0, hw).withChannels(channelsA);
        Pixels right = p.cropColumns(hw, hw).withChannels(channelsB);
        Transform.Params prm = transform.draw(EpochOrder.random(seed, epoch, k, PARAMS_A), hw, p.height(), file);
        return new Transform.Item[] {transform.apply(left, prm), transform.apply(right, prm)};
    }

    /**
     * Checks that a side-by-side pair of {@code w x h} can be split; returns {half width, height}.
     *
     * @throws BadImageException if the width is odd, or not twice the height when square halves are expected
     */
    static int[] halves(Path file, int w, int h, boolean square) {
        if (w % 2 != 0) {
            throw new BadImageException(file, "paired image has an odd width (" + w + "x" + h
                    + "), so it cannot be split into two equal halves A|B",
                    "rebuild the pair with 'gan data make-paired' (A left, B right, same size)");
        }
        if (square && w != 2 * h) {
            throw new BadImageException(file, "paired image is " + w + "x" + h + ", expected width = 2 x height (two square halves)",
                    "rebuild the pair with 'gan data make-paired --size N', or set squareHalves(false)");
        }
        return new int[] {w / 2, h};
    }

    /** Settings; every one has a default (see the inherited methods). */
    public static final class Builder extends TwoSidedBuilder<Builder> {
        private boolean squareHalves = true;

        private Builder(Path root) {
            super(root);
        }

        /** Subfolder to read (default "train", "val" in test mode). */
        public Builder split(String s) {
            this.split = Objects.requireNonNull(s);
            return this;
        }

        /** Require width = 2 x height (default true); off: any even width. */
        public Builder squareHalves(boolean on) {
            this.squareHalves = on;
            return this;
        }

        /**
         * Lists the split folder and checks the settings.
         *
         * @throws DatasetException if the folder is missing or empty, or holds fewer pairs than a batch
         */
        public PairedImageDataset build() {
            return new PairedImageDataset(this);
        }
    }
}
