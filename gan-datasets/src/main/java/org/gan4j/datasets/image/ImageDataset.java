package org.gan4j.datasets.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.EpochOrder;

/**
 * What the image datasets share: the common settings and their builder, the image lists with their
 * bad-file map, and epochs of prefetched batches in the order {@link EpochOrder#permutation} (or name
 * order). A subclass says how big an epoch is and how batch {@code index} of it is made.
 */
abstract class ImageDataset implements BatchSource {
    /** Purposes of the random streams {@link EpochOrder#random} of one position. */
    static final int PARAMS_A = 2;
    static final int PARAMS_B = 3;
    static final int PICK_B = 4;
    static final int REPLACE = 5;

    private final Map<Path, String> bad = ImageList.newBadMap();
    /** The folder named in errors about batches. */
    final Path where;
    /** One list per folder read, in the order given to the constructor. */
    final ImageList[] lists;
    final Transform transform;
    final boolean testMode;
    final int batchSize;
    final int channelsA;
    final int channelsB;
    /** Which side is {@link Batch#a()} (A_TO_B for one folder). */
    final Direction direction;
    private final boolean shuffle;
    private final LoadOptions load;

    /** One folder, {@code dir}; see {@link #ImageDataset(BaseBuilder, Path, Path...)}. */
    ImageDataset(BaseBuilder<?> b, Path dir) {
        this(b, dir, dir);
    }

    /** Lists {@code dirs} and checks the transform; a subclass then calls {@link #checkSize()}. */
    ImageDataset(BaseBuilder<?> b, Path where, Path... dirs) {
        this.where = where;
        this.testMode = b.testMode;
        this.shuffle = b.shuffle;
        this.batchSize = b.batchSize;
        this.channelsA = b.channelsA;
        this.channelsB = b.channelsB;
        this.direction = b.direction;
        this.load = b.load;
        this.lists = new ImageList[dirs.length];
        for (int i = 0; i < dirs.length; i++) {
            lists[i] = new ImageList(dirs[i], load, bad);
        }
        this.transform = new Transform(b.transform, !testMode);
    }

    /** Examples per epoch. */
    public abstract int size();

    /** Batch {@code index} of the epoch whose examples are taken in {@code order}. */
    abstract Batch batch(long seed, int epoch, int[] order, int index);

    /** @throws DatasetException if there are fewer examples than a batch */
    final void checkSize() {
        Batches.checkSize(batchSize, size(), where);
    }

    /** @throws DatasetException if {@code root} is not a folder */
    static Path requireRoot(Path root, String hint) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "dataset root not found", hint);
        }
        return root;
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
        int n = size();
        int[] order = shuffle && !testMode ? EpochOrder.permutation(n, seed, epoch) : IntStream.range(0, n).toArray();
        return new Prefetcher(i -> batch(seed, epoch, order, i), firstBatch, batchesPerEpoch(),
                load.workers(), load.prefetch());
    }

    /** Image {@code index} of {@code list} for position {@code k} of an epoch, with its own crop and flip. */
    Transform.Item item(ImageList list, int index, long seed, int epoch, int k, int side, int channels) {
        return list.load(index, seed, epoch, k, side, file -> {
            Pixels p = list.decode(file).withChannels(channels);
            var rng = EpochOrder.random(seed, epoch, k, side == 0 ? PARAMS_A : PARAMS_B);
            return transform.apply(p, transform.draw(rng, p.width(), p.height(), file));
        });
    }

    /** The batch of two stacked sides; {@link Batch#a()} is the input side of {@link #direction}. */
    Batch stack(Transform.Item[] itemsA, Transform.Item[] itemsB) {
        var ta = Batches.stack(itemsA, where);
        var tb = Batches.stack(itemsB, where);
        return direction == Direction.A_TO_B ? new Batch(ta, tb) : new Batch(tb, ta);
    }

    /** The settings every image dataset has; every one has a default. */
    abstract static class BaseBuilder<B extends BaseBuilder<B>> {
        final Path path;
        boolean testMode;
        boolean shuffle = true;
        int batchSize = 1;
        int channelsA = 3;
        int channelsB = 3;
        Direction direction = Direction.A_TO_B;
        TransformOptions transform = TransformOptions.defaults();
        LoadOptions load = LoadOptions.defaults();

        BaseBuilder(Path path, String name) {
            this.path = Objects.requireNonNull(path, name);
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Test mode: every example once, in name order (for an unpaired dataset, every image of the input
         * side), centre crop, no flip (default false).
         */
        public B testMode(boolean on) {
            this.testMode = on;
            return self();
        }

        /** Shuffle each epoch (for an unpaired dataset, side A) (default true; ignored in test mode). */
        public B shuffle(boolean on) {
            this.shuffle = on;
            return self();
        }

        /** Examples per batch (default 1, as pix2pix and CycleGAN). */
        public B batchSize(int n) {
            this.batchSize = n;
            return self();
        }

        /** Transforms (default {@link TransformOptions#defaults()}); both halves of a pair get the same crop and flip. */
        public B transform(TransformOptions t) {
            this.transform = Objects.requireNonNull(t);
            return self();
        }

        /** Loading (default {@link LoadOptions#defaults()}). */
        public B load(LoadOptions l) {
            this.load = Objects.requireNonNull(l);
            return self();
        }

        final B channelsOf(int forA, int forB) {
            check(forA);
            check(forB);
            this.channelsA = forA;
            this.channelsB = forB;
            return self();
        }

        private static void check(int c) {
            if (c != 1 && c != 3) {
                throw new IllegalArgumentException("channels must be 1 or 3, got " + c);
            }
        }
    }

    /** The settings of datasets with two sides, A and B. */
    abstract static class TwoSidedBuilder<B extends TwoSidedBuilder<B>> extends BaseBuilder<B> {
        String split;

        TwoSidedBuilder(Path root) {
            super(root, "root");
        }

        /** The split to read: the one set, else "train", or {@code testSplit} in test mode. */
        final String splitOr(String testSplit) {
            return split != null ? split : (testMode ? testSplit : "train");
        }

        /**
         * Which side is {@link Batch#a()}: A_TO_B (default) = A (the left half of a pair, domain A),
         * B_TO_A = B (the right half, domain B).
         */
        public B direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            return self();
        }

        /** Channels of both sides, 1 (luma) or 3 (RGB, the default). */
        public B channels(int c) {
            return channelsOf(c, c);
        }

        /**
         * Channels of side A (the left half of a pair, domain A) and side B, each 1 or 3 (default 3 and 3,
         * as pix2pix's input_nc/output_nc; edges2shoes edges are stored as RGB JPEGs, so the model gets 3
         * channels unless A is set to 1).
         */
        public B channels(int forA, int forB) {
            return channelsOf(forA, forB);
        }
    }
}
