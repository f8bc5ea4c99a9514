package org.gan4j.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches drawn from arrays held in memory (first dimension = examples), reshuffled every epoch
 * by a permutation that depends only on (seed, epoch). With two arrays, rows stay paired.
 */
public final class InMemoryBatchSource extends ShuffledBatchSource {
    private final INDArray a;
    private final INDArray b;

    /** Single-domain data, e.g. images NCHW in [-1, 1]. */
    public InMemoryBatchSource(INDArray a, int batchSize) {
        this(a, null, batchSize);
    }

    /** Paired data: row i of {@code a} goes with row i of {@code b}. */
    public InMemoryBatchSource(INDArray a, INDArray b, int batchSize) {
        super((int) a.size(0), batchSize);
        if (b != null && b.size(0) != a.size(0)) {
            throw new IllegalArgumentException("paired arrays differ in length: " + a.size(0) + " vs " + b.size(0));
        }
        this.a = a;
        this.b = b;
    }

    /** The order of examples in {@code epoch}: the same as {@link EpochOrder#permutation}. */
    public static int[] permutation(int n, long seed, int epoch) {
        return EpochOrder.permutation(n, seed, epoch);
    }

    @Override
    protected Batch batch(int[] order, int from, int to) {
        long[] rows = new long[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = order[from + i];
        }
        return new Batch(gather(a, rows), b == null ? null : gather(b, rows));
    }

    private static INDArray gather(INDArray source, long[] rows) {
        INDArray out = Nd4j.create(source.dataType(), withFirst(rows.length, source.shape()));
        for (int i = 0; i < rows.length; i++) {
            out.get(NDArrayIndex.point(i)).assign(source.get(NDArrayIndex.point(rows[i])));
        }
        return out;
    }

    private static long[] withFirst(long first, long[] shape) {
        long[] s = shape.clone();
        s[0] = first;
        return s;
    }
}
