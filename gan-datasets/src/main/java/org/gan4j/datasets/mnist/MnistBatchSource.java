package org.gan4j.datasets.mnist;

import java.util.Objects;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.ShuffledBatchSource;

/**
 * Seeded, shuffled minibatches over MNIST in memory. The order of an epoch is a pure function of
 * (seed, epoch) (see {@link #order(long, int)}); the last partial batch is dropped.
 *
 * <p>Each {@link Batch} holds the images as {@code a} ({@code [B, 1, 28, 28]}, float, [-1, 1]). With
 * labels on, {@code b} holds the matching one-hot labels {@code [B, 10]} (for conditional GANs);
 * without, {@code b} is null. {@link #batchIndices(long, int, int)} gives the example indices of a
 * batch either way, so labels can also be looked up with {@link Mnist#label(int)}.
 */
public final class MnistBatchSource extends ShuffledBatchSource {
    private final Mnist data;
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
        super(Objects.requireNonNull(data, "data").size(), fitting(batchSize, data));
        this.data = data;
        this.withLabels = withLabels;
    }

    private static int fitting(int batchSize, Mnist data) {
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("batchSize must be in 1.." + data.size() + ", got " + batchSize);
        }
        return batchSize;
    }

    /** The data the batches come from. */
    public Mnist data() {
        return data;
    }

    @Override
    protected Batch batch(int[] order, int from, int to) {
        return new Batch(data.images(order, from, to, false), withLabels ? data.oneHotLabels(order, from, to) : null);
    }

    @Override
    public String toString() {
        return "MnistBatchSource[" + data + ", batch " + batchSize() + (withLabels ? ", with labels]" : "]");
    }
}
