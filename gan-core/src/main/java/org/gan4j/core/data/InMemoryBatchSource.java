package org.gan4j.core.data;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.gan4j.core.train.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches drawn from arrays held in memory (first dimension = examples), reshuffled every epoch
 * by a permutation that depends only on (seed, epoch). With two arrays, rows stay paired.
 */
public final class InMemoryBatchSource implements BatchSource {
    private final INDArray a;
    private final INDArray b;
    private final int batchSize;

    /** Single-domain data, e.g. images NCHW in [-1, 1]. */
    public InMemoryBatchSource(INDArray a, int batchSize) {
        this(a, null, batchSize);
    }

    /** Paired data: row i of {@code a} goes with row i of {@code b}. */
    public InMemoryBatchSource(INDArray a, INDArray b, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (b != null && b.size(0) != a.size(0)) {
            throw new IllegalArgumentException("paired arrays differ in length: " + a.size(0) + " vs " + b.size(0));
        }
        this.a = a;
        this.b = b;
        this.batchSize = batchSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int batchesPerEpoch() {
        return (int) (a.size(0) / batchSize);
    }

    /** The order of examples in {@code epoch}: a Fisher-Yates shuffle seeded by (seed, epoch). */
    public static int[] permutation(int n, long seed, int epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, epoch, 0xba7c4L));
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public BatchStream epoch(long seed, int epoch, int firstBatch) {
        int[] order = permutation((int) a.size(0), seed, epoch);
        int batches = batchesPerEpoch();
        if (firstBatch < 0 || firstBatch > batches) {
            throw new IllegalArgumentException("first batch " + firstBatch + " outside 0.." + batches);
        }
        return new BatchStream() {
            private int next = firstBatch;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long[] rows = new long[batchSize];
                for (int i = 0; i < batchSize; i++) {
                    rows[i] = order[next * batchSize + i];
                }
                next++;
                return new Batch(gather(a, rows), b == null ? null : gather(b, rows));
            }

            @Override
            public void close() {}
        };
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
