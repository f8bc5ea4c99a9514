package org.gan4j.core.data;

import java.util.Iterator;

/**
 * Training data as epochs of minibatches, addressed by (seed, epoch, first batch) so that a resumed
 * run sees exactly the batches the uninterrupted run would have seen.
 *
 * <p>Implementations must return the same batches for the same arguments: the order of an epoch is
 * a pure function of {@code seed} and {@code epoch}.
 */
public interface BatchSource {

    /** Examples per batch. */
    int batchSize();

    /** Batches in one epoch (the last partial batch, if any, is dropped). */
    int batchesPerEpoch();

    /**
     * The batches of one epoch, starting at batch {@code firstBatch} (0 for a fresh epoch).
     * Close the returned stream to stop any background loading it started.
     */
    BatchStream epoch(long seed, int epoch, int firstBatch);

    /** An iterator over batches that may hold background resources. */
    interface BatchStream extends Iterator<Batch>, AutoCloseable {
        @Override
        void close();
    }
}
