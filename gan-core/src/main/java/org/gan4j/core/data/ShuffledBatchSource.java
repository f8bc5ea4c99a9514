package org.gan4j.core.data;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Batches over {@code n} examples held in memory, taken in the order {@link EpochOrder#permutation}
 * of (seed, epoch); the last partial batch is dropped. Subclasses only turn a slice of that order into a
 * {@link Batch}, so they can keep their own storage (e.g. bytes converted per batch).
 */
public abstract class ShuffledBatchSource implements BatchSource {
    private final int examples;
    private final int batchSize;

    /** @throws IllegalArgumentException if {@code batchSize < 1} */
    protected ShuffledBatchSource(int examples, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.examples = examples;
        this.batchSize = batchSize;
    }

    /** The batch of examples {@code order[from..to)}. */
    protected abstract Batch batch(int[] order, int from, int to);

    @Override
    public final int batchSize() {
        return batchSize;
    }

    @Override
    public final int batchesPerEpoch() {
        return examples / batchSize;
    }

    /** The order of all examples in epoch {@code epoch}: a permutation of 0..size-1. */
    public final int[] order(long seed, int epoch) {
        return EpochOrder.permutation(examples, seed, epoch);
    }

    /** The example indices of batch {@code batch} of epoch {@code epoch}. */
    public final int[] batchIndices(long seed, int epoch, int batch) {
        Objects.checkIndex(batch, batchesPerEpoch());
        int[] out = new int[batchSize];
        System.arraycopy(order(seed, epoch), batch * batchSize, out, 0, batchSize);
        return out;
    }

    @Override
    public final BatchStream epoch(long seed, int epoch, int firstBatch) {
        int batches = batchesPerEpoch();
        if (firstBatch < 0 || firstBatch > batches) {
            throw new IllegalArgumentException("firstBatch must be in 0.." + batches + ", got " + firstBatch);
        }
        int[] order = order(seed, epoch);
        return new BatchStream() {
            private int next = firstBatch;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("epoch " + epoch + " has " + batches + " batches");
                }
                int from = next++ * batchSize;
                return batch(order, from, from + batchSize);
            }

            @Override
            public void close() {
                next = batches; // nothing runs in the background
            }
        };
    }
}
