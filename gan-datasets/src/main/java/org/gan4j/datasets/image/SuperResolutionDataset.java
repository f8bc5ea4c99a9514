package org.gan4j.datasets.image;

import org.gan4j.core.data.EpochOrder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.image.Bicubic;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Super-resolution training pairs from one folder of photos (SRResNet/SRGAN): each example is a random
 * {@code cropSize x cropSize} crop of a photo at its native resolution (random horizontal flip), and its
 * low-resolution version made by bicubic downsampling by {@code scale} with antialiasing, as MATLAB's
 * {@code imresize} ({@link Bicubic}, rounded to 8 bits). Batches are {@code Batch(a = LR, b = HR)}: LR RGB in
 * [0, 1] ({@code cropSize / scale} square), HR RGB in [-1, 1], the ranges of Ledig et al. 2017.
 *
 * <p>{@code cropsPerImage} crops per photo per epoch (default 1), in an order that is a function of (seed,
 * epoch); crops and flips are functions of (seed, epoch, position), so resumed runs see the same data.
 * Decoding runs on background threads ({@link LoadOptions}); decoded photos are cached up to
 * {@code cacheMegabytes}, so a few large photos decode once. Test mode: centre crops, no flip, name order.
 */
public final class SuperResolutionDataset implements BatchSource {
    private final Path dir;
    private final ImageList list;
    private final Map<Path, String> bad = ImageList.newBadMap();
    private final Transform transform;
    private final boolean testMode;
    private final int batchSize;
    private final int cropSize;
    private final int scale;
    private final LoadOptions load;
    private final int cropsPerImage;
    private final long cacheBytes;
    private final Map<Path, Pixels> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong cached = new java.util.concurrent.atomic.AtomicLong();

    private SuperResolutionDataset(Builder b) {
        if (b.cropSize < b.scale || b.cropSize % b.scale != 0) {
            throw new IllegalArgumentException("cropSize " + b.cropSize + " must be a multiple of the scale " + b.scale);
        }
        this.dir = b.dir;
        this.load = b.load;
        this.list = new ImageList(dir, load, bad);
        this.testMode = b.testMode;
        this.transform = new Transform(new TransformOptions(Preprocess.CROP, b.cropSize, b.cropSize, b.flip), !testMode);
        this.batchSize = b.batchSize;
        this.cropSize = b.cropSize;
        this.scale = b.scale;
        this.cropsPerImage = b.cropsPerImage;
        this.cacheBytes = b.cacheMegabytes * 1024L * 1024L;
        Batches.checkSize(batchSize, size(), dir);
    }

    /** A builder for the photos directly in {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The photo files, sorted by name. */
    public List<Path> files() {
        return list.files();
    }

    /** Examples per epoch: photos x crops per photo. */
    public int size() {
        return list.size() * cropsPerImage;
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
        int[] order = testMode ? java.util.stream.IntStream.range(0, size()).toArray() : EpochOrder.permutation(size(), seed, epoch);
        return new Prefetcher(i -> batch(seed, epoch, order, i), firstBatch, batchesPerEpoch(),
                load.workers(), load.prefetch());
    }

    private Batch batch(long seed, int epoch, int[] order, int index) {
        int lrSize = cropSize / scale;
        int hrPer = 3 * cropSize * cropSize;
        int lrPer = 3 * lrSize * lrSize;
        float[] hr = new float[batchSize * hrPer];
        float[] lr = new float[batchSize * lrPer];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            Transform.Item item = list.load(order[k] % list.size(), seed, epoch, k, 0, file -> {
                Pixels p = decode(file);
                var rng = EpochOrder.random(seed, epoch, k, ImageDataset.PARAMS_A);
                return transform.apply(p, transform.draw(rng, p.width(), p.height(), file));
            });
            float[] data = item.data();
            System.arraycopy(data, 0, hr, j * hrPer, hrPer);
            double[] px = new double[hrPer];
            for (int i = 0; i < hrPer; i++) {
                px[i] = Math.rint((data[i] + 1) * 127.5); // exact: the crop holds 8-bit pixel values
            }
            double[] small = Bicubic.resize(px, 3, cropSize, cropSize, lrSize, lrSize, true);
            for (int i = 0; i < lrPer; i++) {
                lr[j * lrPer + i] = (float) (small[i] / 255.0);
            }
        }
        return new Batch(Nd4j.create(lr, new long[] {batchSize, 3, lrSize, lrSize}, 'c'),
                Nd4j.create(hr, new long[] {batchSize, 3, cropSize, cropSize}, 'c'));
    }

    private Pixels decode(Path file) {
        Pixels p = cache.get(file);
        if (p != null) {
            return p;
        }
        p = list.decode(file).withChannels(3);
        if (cached.addAndGet(p.data().length) <= cacheBytes) {
            cache.put(file, p);
        } else {
            cached.addAndGet(-p.data().length);
        }
        return p;
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final Path dir;
        private boolean testMode;
        private boolean flip = true;
        private int batchSize = 16;
        private int cropSize = 96;
        private int scale = 4;
        private LoadOptions load = LoadOptions.defaults();
        private int cropsPerImage = 1;
        private int cacheMegabytes = 512;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** Test mode: name order, centre crops, no flip (default false). */
        public Builder testMode(boolean on) {
            this.testMode = on;
            return this;
        }

        /** Random horizontal flips in training (default true). */
        public Builder flip(boolean on) {
            this.flip = on;
            return this;
        }

        /** Examples per batch (default 16, the paper's). */
        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** HR crop size, a multiple of the scale (default 96, the paper's). */
        public Builder cropSize(int n) {
            this.cropSize = n;
            return this;
        }

        /** Downsampling factor (default 4). */
        public Builder scale(int s) {
            if (s < 1) {
                throw new IllegalArgumentException("scale must be >= 1, got " + s);
            }
            this.scale = s;
            return this;
        }

        /** Random crops taken from every photo per epoch (default 1; more for a few large photos). */
        public Builder cropsPerImage(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("cropsPerImage must be >= 1, got " + n);
            }
            this.cropsPerImage = n;
            return this;
        }

        /** Decoded photos kept in memory up to this many MB, so large photos decode once (default 512; 0 = off). */
        public Builder cacheMegabytes(int mb) {
            if (mb < 0) {
                throw new IllegalArgumentException("cacheMegabytes must be >= 0, got " + mb);
            }
            this.cacheMegabytes = mb;
            return this;
        }

        /** Loading (default {@link LoadOptions#defaults()}). */
        public Builder load(LoadOptions l) {
            this.load = Objects.requireNonNull(l);
            return this;
        }

        /** @throws DatasetException if the folder is missing or empty, or holds fewer photos than a batch */
        public SuperResolutionDataset build() {
            return new SuperResolutionDataset(this);
        }
    }
}
