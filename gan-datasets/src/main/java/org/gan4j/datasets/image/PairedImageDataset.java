package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;

/**
 * pix2pix's paired layout (edges2shoes): {@code ROOT/train}, {@code ROOT/val} (or any split name), each
 * file one image with A on the left half and B on the right half (512x256 in the original).
 *
 * <p>The crop position and the flip are drawn once per pair and applied to both halves. The image width
 * must be even; with {@code squareHalves(true)} (the default) it must also be exactly twice the height.
 * Training visits every pair once per epoch in a shuffled order; test mode visits them in name order
 * with a centre crop and no flip. {@link Batch#a()} holds the input side (see {@link Direction}).
 */
public final class PairedImageDataset implements BatchSource {
    private final Path dir;
    private final ImageList list;
    private final Map<Path, String> bad = ImageList.newBadMap();
    private final Transform transform;
    private final boolean testMode;
    private final boolean shuffle;
    private final boolean squareHalves;
    private final Direction direction;
    private final int batchSize;
    private final int channelsA;
    private final int channelsB;
    private final LoadOptions load;

    private PairedImageDataset(Builder b) {
        if (!java.nio.file.Files.isDirectory(b.root)) {
            throw new DatasetException(b.root, "dataset root not found", "give the folder that holds train/ and val/");
        }
        this.testMode = b.testMode;
        this.dir = b.root.resolve(b.split != null ? b.split : (testMode ? "val" : "train"));
        this.load = b.load;
        this.list = new ImageList(dir, load, bad);
        this.transform = new Transform(b.transform, !testMode);
        this.shuffle = b.shuffle;
        this.squareHalves = b.squareHalves;
        this.direction = b.direction;
        this.batchSize = b.batchSize;
        this.channelsA = b.channelsA;
        this.channelsB = b.channelsB;
        Batches.checkSize(batchSize, list.size(), dir);
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
    public int size() {
        return list.size();
    }

    /** Files skipped as bad so far (with skipBad), with the reason. */
    public Map<Path, String> skipped() {
        return Map.copyOf(bad);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int batchesPerEpoch() {
        return size() / batchSize;
    }

    @Override
    public BatchStream epoch(long seed, int epoch, int firstBatch) {
        int[] order = Seeds.order(seed, epoch, size(), shuffle && !testMode);
        return new Prefetcher(i -> batch(seed, epoch, order, i), firstBatch, batchesPerEpoch(),
                load.workers(), load.prefetch());
    }

    private Batch batch(long seed, int epoch, int[] order, int index) {
        Transform.Item[] as = new Transform.Item[batchSize];
        Transform.Item[] bs = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            Transform.Item[] pair = list.load(order[k], seed, epoch, k, 0, file -> pair(file, seed, epoch, k));
            as[j] = pair[0];
            bs[j] = pair[1];
        }
        var ta = Batches.stack(as, dir);
        var tb = Batches.stack(bs, dir);
        return direction == Direction.A_TO_B ? new Batch(ta, tb) : new Batch(tb, ta);
    }

    private Transform.Item[] pair(Path file, long seed, int epoch, int k) {
        Pixels p = list.decode(file);
        int[] halves = halves(file, p.width(), p.height(), squareHalves);
        int hw = halves[0];
        Pixels left = p.cropColumns(0, hw).withChannels(channelsA);
        Pixels right = p.cropColumns(hw, hw).withChannels(channelsB);
        Transform.Params prm = transform.draw(Seeds.rng(seed, epoch, k, Seeds.PARAMS_A), hw, p.height(), file);
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

    /** Settings; every one has a default. */
    public static final class Builder {
        private final Path root;
        private String split;
        private boolean testMode;
        private boolean shuffle = true;
        private boolean squareHalves = true;
        private Direction direction = Direction.A_TO_B;
        private int batchSize = 1;
        private int channelsA = 3;
        private int channelsB = 3;
        private TransformOptions transform = TransformOptions.defaults();
        private LoadOptions load = LoadOptions.defaults();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Subfolder to read (default "train", "val" in test mode). */
        public Builder split(String s) {
            this.split = Objects.requireNonNull(s);
            return this;
        }

        /** Test mode: every pair once, in order, centre crop, no flip (default false). */
        public Builder testMode(boolean on) {
            this.testMode = on;
            return this;
        }

        /** Shuffle each epoch (default true; ignored in test mode). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Require width = 2 x height (default true); off: any even width. */
        public Builder squareHalves(boolean on) {
            this.squareHalves = on;
            return this;
        }

        /** Which half is {@link Batch#a()}: A_TO_B (default) = left half, B_TO_A = right half. */
        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            return this;
        }

        /** Examples per batch (default 1, as pix2pix). */
        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** Channels of both halves, 1 (luma) or 3 (RGB, the default). */
        public Builder channels(int c) {
            return channels(c, c);
        }

        /**
         * Channels of the left half (A) and the right half (B), each 1 or 3 (default 3 and 3, as pix2pix's
         * input_nc/output_nc; edges2shoes edges are stored as RGB JPEGs, so the model gets 3 channels
         * unless A is set to 1).
         */
        public Builder channels(int forA, int forB) {
            UnpairedImageDataset.Builder.check(forA);
            UnpairedImageDataset.Builder.check(forB);
            this.channelsA = forA;
            this.channelsB = forB;
            return this;
        }

        /** Transforms (default {@link TransformOptions#defaults()}), applied to each half. */
        public Builder transform(TransformOptions t) {
            this.transform = Objects.requireNonNull(t);
            return this;
        }

        /** Loading (default {@link LoadOptions#defaults()}). */
        public Builder load(LoadOptions l) {
            this.load = Objects.requireNonNull(l);
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
