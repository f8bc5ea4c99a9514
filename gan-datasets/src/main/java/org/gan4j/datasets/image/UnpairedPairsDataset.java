package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.EpochOrder;

/**
 * A paired side-by-side folder ({@link PairedImageDataset}'s layout: {@code ROOT/train}, {@code ROOT/val}) read as
 * unpaired data, as DiscoGAN does with edges2shoes: the A side is the left halves, the B side the right halves.
 *
 * <p>Training: the files of the split, sorted by name, are dealt out in turn: files 0, 2, 4, ... give the A
 * images, files 1, 3, 5, ... the B images, so no A has its own B in the data (DiscoGAN's
 * {@code get_edge2photo_files} halves its file list) and both domains hold the same mix of contents even when
 * names are ordered by content (e.g. by class: halves of a sorted list would give A and B different classes;
 * the reference halves {@code os.listdir}'s unsorted order); with {@code disjoint(false)} every file gives both. Each epoch shuffles A and B independently (seeded by seed and
 * epoch) and has min(|A|, |B|) examples. Test mode: every file once, in name order, A and B of the same file
 * side by side (aligned pairs, for previews). {@code thickenEdges(true)} widens dark strokes on the A side by a
 * 3x3 minimum filter before resizing (DiscoGAN's dilation of the inverted edge map). {@link Batch#a()} is A.
 */
public final class UnpairedPairsDataset extends ImageDataset {
    private static final int ORDER_B = 0x0b;
    private final ImageList list;
    /** Files per A (or B) image: 2 when the files are dealt out between A and B, else 1. */
    private final int stride;
    /** Index of the first B file. */
    private final int firstB;
    private final int sizeA;
    private final int sizeB;
    private final boolean squareHalves;
    private final boolean thicken;

    private UnpairedPairsDataset(Builder b) {
        super(b, requireRoot(b.path, "give the folder that holds train/ and val/").resolve(b.splitOr("val")));
        this.list = lists[0];
        this.squareHalves = b.squareHalves;
        this.thicken = b.thickenEdges;
        int n = list.size();
        boolean split = b.disjoint && !testMode;
        this.stride = split ? 2 : 1;
        this.firstB = split ? 1 : 0;
        this.sizeA = split ? (n + 1) / 2 : n;
        this.sizeB = split ? n / 2 : n;
        checkSize();
    }

    /** A builder for the dataset under {@code root}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Files whose left half is an A image. */
    public List<Path> filesA() {
        return every(0, sizeA);
    }

    /** Files whose right half is a B image. */
    public List<Path> filesB() {
        return every(firstB, sizeB);
    }

    private List<Path> every(int first, int count) {
        List<Path> files = list.files();
        return IntStream.range(0, count).mapToObj(i -> files.get(first + stride * i)).toList();
    }

    @Override
    public int size() {
        return Math.min(sizeA, sizeB);
    }

    @Override
    Batch batch(long seed, int epoch, int[] order, int index) {
        int[] orderA = testMode ? order : EpochOrder.permutation(sizeA, seed, epoch);
        int[] orderB = testMode ? order : EpochOrder.permutation(sizeB, EpochOrder.mix64(seed + ORDER_B), epoch);
        Transform.Item[] as = new Transform.Item[batchSize];
        Transform.Item[] bs = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            as[j] = list.load(stride * orderA[k], seed, epoch, k, 0, file -> half(file, true, seed, epoch, k));
            bs[j] = list.load(firstB + stride * orderB[k], seed, epoch, k, 1, file -> half(file, false, seed, epoch, k));
        }
        return stack(as, bs);
    }

    private Transform.Item half(Path file, boolean left, long seed, int epoch, int k) {
        Pixels p = list.decode(file);
        int hw = PairedImageDataset.halves(file, p.width(), p.height(), squareHalves)[0];
        Pixels side = p.cropColumns(left ? 0 : hw, hw).withChannels(left ? channelsA : channelsB);
        if (left && thicken) {
            side = minFilter3x3(side);
        }
        var rng = EpochOrder.random(seed, epoch, k, left ? PARAMS_A : PARAMS_B);
        return transform.apply(side, transform.draw(rng, hw, p.height(), file));
    }

    /** Each value becomes the minimum of its 3x3 neighbourhood inside the image (per channel). */
    static Pixels minFilter3x3(Pixels p) {
        int w = p.width();
        int h = p.height();
        int c = p.channels();
        byte[] out = new byte[p.data().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int m = 255;
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                            m = Math.min(m, p.get(xx, yy, ch));
                        }
                    }
                    out[(y * w + x) * c + ch] = (byte) m;
                }
            }
        }
        return new Pixels(w, h, c, out);
    }

    /** Settings; every one has a default (see the inherited methods). */
    public static final class Builder extends TwoSidedBuilder<Builder> {
        private boolean disjoint = true;
        private boolean thickenEdges;
        private boolean squareHalves = true;

        private Builder(Path root) {
            super(root);
        }

        /** Subfolder to read (default "train", "val" in test mode). */
        public Builder split(String s) {
            this.split = Objects.requireNonNull(s);
            return this;
        }

        /** Training: A from the even-numbered files (in name order), B from the odd ones (default true, DiscoGAN's split). */
        public Builder disjoint(boolean on) {
            this.disjoint = on;
            return this;
        }

        /** Widen dark strokes of the A side with a 3x3 minimum filter before resizing (default false). */
        public Builder thickenEdges(boolean on) {
            this.thickenEdges = on;
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
         * @throws DatasetException if the folder is missing or empty, or a side holds fewer images than a batch
         */
        public UnpairedPairsDataset build() {
            return new UnpairedPairsDataset(this);
        }
    }
}
