package org.gan4j.datasets.mnist;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;

/**
 * Seeded, shuffled minibatches over MNIST in memory. The order of an epoch is a pure function of
 * (seed, epoch) (see {@link #order(long, int)}); the last partial batch is dropped.
 *
 * <p>Each {@link Batch} holds the images as {@code a} ({@code [B, 1, 28, 28]}, float, [-1, 1]). With
 * labels on, {@code b} holds the matching one-hot labels {@code [B, 10]} (for conditional GANs);
 * without, {@code b} is null. {@link #batchIndices(long, int, int)} gives the example indices of a
 * batch either way, so labels can also be looked up with {@link Mnist#label(int)}.
 */
public final class MnistBatchSource implements BatchSource {
    private final Mnist data;
    private final int batchSize;
    private final boolean withLabels;

    /** Batches of images only. */
    public MnistBatchSource(Mnist data, int batchSize) {
        this(data, batchSize, false);
    }

    /**
     * @param withLabels whether {@link Batch#b()} carries one-hot labels {@code [B, 10]}
     * @throws IllegalArgumentException if {@code batchSize} is not in 1..data.size()
     */
    public MnistBatchSource(Mnist data, int batchSize, boolean withLabels) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("batchSize must be in 1.." + data.size() + ", got " + batchSize);
        }
        this.batchSize = batchSize;
        this.withLabels = withLabels;
    }

    /** The data the batches come from. */
    public Mnist data() {
        return data;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int batchesPerEpoch() {
        return data.size() / batchSize;
    }

    /** The order of all examples in epoch {@code epoch}: a permutation of 0..size-1. */
    public int[] order(long seed, int epoch) {
        return EpochOrder.permutation(data.size(), seed, epoch);
    }

    /** The example indices of batch {@code batch} of epoch {@code epoch}. */
    public int[] batchIndices(long seed, int epoch, int batch) {
        Objects.checkIndex(batch, batchesPerEpoch());
        int[] out = new int[batchSize];
        System.arraycopy(order(seed, epoch), batch * batchSize, out, 0, batchSize);
        return out;
    }

    @Override
    public BatchStream epoch(long seed, int epoch, int firstBatch) {
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
                int to = from + batchSize;
                return new Batch(data.images(order, from, to, false),
                        withLabels ? data.oneHotLabels(order, from, to) : null);
            }

            @Override
            public void close() {
                next = batches; // nothing runs in the background
            }
        };
    }

    @Override
    public String toString() {
        return "MnistBatchSource[" + data + ", batch " + batchSize + (withLabels ? ", with labels]" : "]");
    }
}
