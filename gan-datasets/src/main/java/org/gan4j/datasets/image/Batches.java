package org.gan4j.datasets.image;

import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Stacks transformed images into one NCHW array. */
final class Batches {
    private Batches() {}

    static INDArray stack(Transform.Item[] items, Path where) {
        Transform.Item first = items[0];
        int per = first.data().length;
        float[] all = new float[per * items.length];
        for (int i = 0; i < items.length; i++) {
            Transform.Item it = items[i];
            if (it.channels() != first.channels() || it.height() != first.height() || it.width() != first.width()) {
                throw new DatasetException(where, "images of one batch differ in size after the transforms ("
                        + first.width() + "x" + first.height() + " and " + it.width() + "x" + it.height() + ")",
                        "use a preprocess that crops (RESIZE_AND_CROP, CROP, SCALE_WIDTH_AND_CROP) or batch size 1");
            }
            System.arraycopy(it.data(), 0, all, i * per, per);
        }
        return Nd4j.create(all, new long[] {items.length, first.channels(), first.height(), first.width()}, 'c');
    }

    static void checkSize(int batchSize, int examples, Path where) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (examples < batchSize) {
            throw new DatasetException(where, "only " + examples + " images for a batch of " + batchSize,
                    "use a smaller batch size or add images");
        }
    }
}
