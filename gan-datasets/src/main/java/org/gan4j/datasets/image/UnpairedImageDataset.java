package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;

/**
 * CycleGAN's unpaired layout (monet2photo): {@code ROOT/trainA}, {@code ROOT/trainB}, {@code ROOT/testA},
 * {@code ROOT/testB}.
 *
 * <p>Training: an epoch has max(|A|, |B|) examples; A is taken in a shuffled order (or in order with
 * {@code shuffle(false)}), cycling when B is the larger side; B is drawn independently at random for every
 * example, or by the same index with {@code serial(true)}. A and B get independent random crops and flips.
 * Test mode: every image of the input side (A for A_TO_B, B for B_TO_A) is visited exactly once, in name
 * order (use batch size 1, the default, or a batch size that divides the count: the last partial batch is
 * dropped as {@link BatchSource} says), the other side is taken by index modulo its size; centre crop, no flip.
 *
 * <p>{@link Batch#a()} holds the input domain, {@link Batch#b()} the other (see {@link Direction}).
 */
public final class UnpairedImageDataset implements BatchSource {
    private final Path root;
    private final ImageList a;
    private final ImageList b;
    private final Map<Path, String> bad = ImageList.newBadMap();
    private final Transform transform;
    private final Builder cfg;

    private UnpairedImageDataset(Builder cfg) {
        this.cfg = cfg;
        this.root = cfg.root;
        if (!java.nio.file.Files.isDirectory(root)) {
            throw new DatasetException(root, "dataset root not found", "give the folder that holds "
                    + cfg.split + "A and " + cfg.split + "B");
        }
        this.a = new ImageList(root.resolve(cfg.split + "A"), cfg.load, bad);
        this.b = new ImageList(root.resolve(cfg.split + "B"), cfg.load, bad);
        this.transform = new Transform(cfg.transform, !cfg.testMode);
        Batches.checkSize(cfg.batchSize, size(), root);
    }

    /** A builder for the dataset under {@code root}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Image files of domain A, sorted by name. */
    public List<Path> filesA() {
        return a.files();
    }

    /** Image files of domain B, sorted by name. */
    public List<Path> filesB() {
        return b.files();
    }

    /** Examples per epoch: max(|A|, |B|) in training, the input side's count in test mode. */
    public int size() {
        if (cfg.testMode) {
            return cfg.direction == Direction.A_TO_B ? a.size() : b.size();
        }
        return Math.max(a.size(), b.size());
    }

    /** Files skipped as bad so far (with skipBad), with the reason. */
    public Map<Path, String> skipped() {
        return Map.copyOf(bad);
    }

    @Override
    public int batchSize() {
        return cfg.batchSize;
    }

    @Override
    public int batchesPerEpoch() {
        return size() / cfg.batchSize;
    }

    @Override
    public BatchStream epoch(long seed, int epoch, int firstBatch) {
        int[] order = Seeds.order(seed, epoch, size(), cfg.shuffle && !cfg.testMode);
        return new Prefetcher(i -> batch(seed, epoch, order, i), firstBatch, batchesPerEpoch(),
                cfg.load.workers(), cfg.load.prefetch());
    }

    private Batch batch(long seed, int epoch, int[] order, int index) {
        int n = cfg.batchSize;
        Transform.Item[] itemsA = new Transform.Item[n];
        Transform.Item[] itemsB = new Transform.Item[n];
        for (int j = 0; j < n; j++) {
            int k = index * n + j;
            int ia;
            int ib;
            if (cfg.testMode) {
                boolean aFirst = cfg.direction == Direction.A_TO_B;
                ia = aFirst ? k : k % a.size();
                ib = aFirst ? k % b.size() : k;
            } else {
                int i = order[k];
                ia = i % a.size();
                ib = cfg.serial ? i % b.size() : Seeds.rng(seed, epoch, k, Seeds.PICK_B).nextInt(b.size());
            }
            itemsA[j] = item(a, ia, seed, epoch, k, 0, cfg.channelsA);
            itemsB[j] = item(b, ib, seed, epoch, k, 1, cfg.channelsB);
        }
        var ta = Batches.stack(itemsA, root);
        var tb = Batches.stack(itemsB, root);
        return cfg.direction == Direction.A_TO_B ? new Batch(ta, tb) : new Batch(tb, ta);
    }

    private Transform.Item item(ImageList list, int index, long seed, int epoch, int k, int side, int channels) {
        return list.load(index, seed, epoch, k, side, file -> {
            Pixels p = list.decode(file).withChannels(channels);
            var rng = Seeds.rng(seed, epoch, k, side == 0 ? Seeds.PARAMS_A : Seeds.PARAMS_B);
            return transform.apply(p, transform.draw(rng, p.width(), p.height(), file));
        });
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final Path root;
        private String split = null;
        private boolean testMode;
        private Direction direction = Direction.A_TO_B;
        private boolean serial;
        private boolean shuffle = true;
        private int batchSize = 1;
        private int channelsA = 3;
        private int channelsB = 3;
        private TransformOptions transform = TransformOptions.defaults();
        private LoadOptions load = LoadOptions.defaults();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Folder prefix: reads {@code split + "A"} and {@code split + "B"} (default "train", "test" in test mode). */
        public Builder split(String split) {
            this.split = Objects.requireNonNull(split);
            return this;
        }

        /** Test mode: each input-side image once, in order, centre crop, no flip (default false). */
        public Builder testMode(boolean on) {
            this.testMode = on;
            return this;
        }

        /** Which domain is {@link Batch#a()} (default A_TO_B). */
        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            return this;
        }

        /** Take B by the same index as A instead of at random (default false). */
        public Builder serial(boolean on) {
            this.serial = on;
            return this;
        }

        /** Shuffle A each epoch (default true; ignored in test mode). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Examples per batch (default 1, as CycleGAN). */
        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** Channels of both domains, 1 (luma) or 3 (RGB, default). */
        public Builder channels(int c) {
            return channels(c, c);
        }

        /** Channels of domain A and domain B, each 1 or 3 (default 3 and 3). */
        public Builder channels(int forA, int forB) {
            check(forA);
            check(forB);
            this.channelsA = forA;
            this.channelsB = forB;
            return this;
        }

        /** Transforms (default {@link TransformOptions#defaults()}). */
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
         * Lists both folders and checks the settings.
         *
         * @throws DatasetException if a folder is missing or empty, or there are fewer images than a batch
         */
        public UnpairedImageDataset build() {
            Builder copy = new Builder(root);
            copy.split = split != null ? split : (testMode ? "test" : "train");
            copy.testMode = testMode;
            copy.direction = direction;
            copy.serial = serial;
            copy.shuffle = shuffle;
            copy.batchSize = batchSize;
            copy.channelsA = channelsA;
            copy.channelsB = channelsB;
            copy.transform = transform;
            copy.load = load;
            return new UnpairedImageDataset(copy);
        }

        static void check(int c) {
            if (c != 1 && c != 3) {
                throw new IllegalArgumentException("channels must be 1 or 3, got " + c);
            }
        }
    }
}
