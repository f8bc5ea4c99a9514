package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;

/**
 * One folder of images (inference input, SRGAN's photos, unconditional GANs): batches of
 * {@link Batch#of} the transformed images. Training shuffles each epoch with random crops and flips;
 * test mode keeps name order with a centre crop and no flip.
 */
public final class ImageFolderDataset implements BatchSource {
    private final Path dir;
    private final ImageList list;
    private final Map<Path, String> bad = ImageList.newBadMap();
    private final Transform transform;
    private final boolean testMode;
    private final boolean shuffle;
    private final int batchSize;
    private final int channels;
    private final LoadOptions load;

    private ImageFolderDataset(Builder b) {
        this.dir = b.dir;
        this.load = b.load;
        this.list = new ImageList(dir, load, bad);
        this.testMode = b.testMode;
        this.transform = new Transform(b.transform, !testMode);
        this.shuffle = b.shuffle;
        this.batchSize = b.batchSize;
        this.channels = b.channels;
        Batches.checkSize(batchSize, list.size(), dir);
    }

    /** A builder for the images directly in {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The image files, sorted by name (the order of test mode). */
    public List<Path> files() {
        return list.files();
    }

    /** Images per epoch. */
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
        Transform.Item[] items = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            items[j] = list.load(order[k], seed, epoch, k, 0, file -> {
                Pixels p = list.decode(file).withChannels(channels);
                var rng = Seeds.rng(seed, epoch, k, Seeds.PARAMS_A);
                return transform.apply(p, transform.draw(rng, p.width(), p.height(), file));
            });
        }
        return Batch.of(Batches.stack(items, dir));
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final Path dir;
        private boolean testMode;
        private boolean shuffle = true;
        private int batchSize = 1;
        private int channels = 3;
        private TransformOptions transform = TransformOptions.defaults();
        private LoadOptions load = LoadOptions.defaults();

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** Test mode: name order, centre crop, no flip (default false). */
        public Builder testMode(boolean on) {
            this.testMode = on;
            return this;
        }

        /** Shuffle each epoch (default true; ignored in test mode). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Examples per batch (default 1). */
        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** 1 (luma) or 3 (RGB, default). */
        public Builder channels(int c) {
            UnpairedImageDataset.Builder.check(c);
            this.channels = c;
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

        /** @throws DatasetException if the folder is missing or empty, or holds fewer images than a batch */
        public ImageFolderDataset build() {
            return new ImageFolderDataset(this);
        }
    }
}
