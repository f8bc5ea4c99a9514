package org.gan4j.datasets.mnist;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.gan4j.core.data.EpochOrder;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A DL4J {@link DataSetIterator} over MNIST in memory: features in [-1, 1], NCHW
 * {@code [B, 1, 28, 28]} or flattened {@code [B, 784]}; labels one-hot {@code [B, 10]}.
 *
 * <p>Pass {@code k} (counting from 0, incremented by each {@link #reset()}) visits the examples in
 * the same order as {@link MnistBatchSource#order(long, int) order(seed, k)}. Unlike
 * {@link MnistBatchSource}, the last partial batch is kept so that every example is seen (for
 * evaluation). Not thread-safe.
 */
public final class MnistDataSetIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final transient Mnist data;
    private final int batchSize;
    private final long seed;
    private final boolean flatten;
    private transient DataSetPreProcessor preProcessor;
    private int pass;
    private int cursor;
    private transient int[] order;

    /**
     * @param flatten {@code true} for features {@code [B, rows*cols]}, {@code false} for NCHW
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public MnistDataSetIterator(Mnist data, int batchSize, long seed, boolean flatten) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.flatten = flatten;
        this.order = EpochOrder.permutation(data.size(), seed, 0);
    }

    @Override
    public boolean hasNext() {
        return cursor < data.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("pass " + pass + " is exhausted; call reset()");
        }
        if (num < 1) {
            throw new IllegalArgumentException("num must be at least 1, got " + num);
        }
        int from = cursor;
        int to = Math.min(data.size(), from + num);
        cursor = to;
        DataSet ds = new DataSet(data.images(order, from, to, flatten), data.oneHotLabels(order, from, to));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return data.rows() * data.cols();
    }

    @Override
    public int totalOutcomes() {
        return Mnist.CLASSES;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    /** Starts the next pass, in a new order. */
    @Override
    public void reset() {
        pass++;
        cursor = 0;
        order = EpochOrder.permutation(data.size(), seed, pass);
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return LABELS;
    }
}
