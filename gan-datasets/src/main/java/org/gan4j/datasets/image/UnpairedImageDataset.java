package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.EpochOrder;

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
public final class UnpairedImageDataset extends ImageDataset {
    private final ImageList a;
    private final ImageList b;
    private final boolean serial;

    private UnpairedImageDataset(Builder cfg, String split) {
        super(cfg, requireRoot(cfg.path, "give the folder that holds " + split + "A and " + split + "B"),
                cfg.path.resolve(split + "A"), cfg.path.resolve(split + "B"));
        this.a = lists[0];
        this.b = lists[1];
        this.serial = cfg.serial;
        checkSize();
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
    @Override
    public int size() {
        if (testMode) {
            return direction == Direction.A_TO_B ? a.size() : b.size();
        }
        return Math.max(a.size(), b.size());
    }

    @Override
    Batch batch(long seed, int epoch, int[] order, int index) {
        Transform.Item[] itemsA = new Transform.Item[batchSize];
        Transform.Item[] itemsB = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            int ia;
            int ib;
            if (testMode) {
                boolean aFirst = direction == Direction.A_TO_B;
                ia = aFirst ? k : k % a.size();
                ib = aFirst ? k % b.size() : k;
            } else {
                int i = order[k];
                ia = i % a.size();
                ib = serial ? i % b.size() : EpochOrder.random(seed, epoch, k, PICK_B).nextInt(b.size());
            }
            itemsA[j] = item(a, ia, seed, epoch, k, 0, channelsA);
            itemsB[j] = item(b, ib, seed, epoch, k, 1, channelsB);
        }
        return stack(itemsA, itemsB);
    }

    /** Settings; every one has a default (see the inherited methods). */
    public static final class Builder extends TwoSidedBuilder<Builder> {
        private boolean serial;

        private Builder(Path root) {
            super(root);
        }

        /** Folder prefix: reads {@code split + "A"} and {@code split + "B"} (default "train", "test" in test mode). */
        public Builder split(String split) {
            this.split = Objects.requireNonNull(split);
            return this;
        }

        /** Take B by the same index as A instead of at random (default false). */
        public Builder serial(boolean on) {
            this.serial = on;
            return this;
        }

        /**
         * Lists both folders and checks the settings.
         *
         * @throws DatasetException if a folder is missing or empty, or there are fewer images than a batch
         */
        public UnpairedImageDataset build() {
            return new UnpairedImageDataset(this, splitOr("test"));
        }
    }
}
