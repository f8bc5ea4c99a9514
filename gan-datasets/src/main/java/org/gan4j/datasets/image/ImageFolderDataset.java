package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.data.Batch;

/**
 * One folder of images (inference input, SRGAN's photos, unconditional GANs): batches of
 * {@link Batch#of} the transformed images. Training shuffles each epoch with random crops and flips;
 * test mode keeps name order with a centre crop and no flip.
 */
public final class ImageFolderDataset extends ImageDataset {
    private final ImageList list;

    private ImageFolderDataset(Builder b) {
        super(b, b.path);
        this.list = lists[0];
        checkSize();
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
    @Override
    public int size() {
        return list.size();
    }

    @Override
    Batch batch(long seed, int epoch, int[] order, int index) {
        Transform.Item[] items = new Transform.Item[batchSize];
        for (int j = 0; j < batchSize; j++) {
            int k = index * batchSize + j;
            items[j] = item(list, order[k], seed, epoch, k, 0, channelsA);
        }
        return Batch.of(Batches.stack(items, where));
    }

    /** Settings; every one has a default (see the inherited methods). */
    public static final class Builder extends BaseBuilder<Builder> {
        private Builder(Path dir) {
            super(dir, "dir");
        }

        /** 1 (luma) or 3 (RGB, default). */
        public Builder channels(int c) {
            return channelsOf(c, c);
        }

        /** @throws DatasetException if the folder is missing or empty, or holds fewer images than a batch */
        public ImageFolderDataset build() {
            return new ImageFolderDataset(this);
        }
    }
}
