package org.gan4j.datasets.image;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource.BatchStream;

/**
 * Loads batches {@code first .. end-1} on background threads, at most {@code prefetch} batches ahead of
 * the consumer, and hands them out in order. Each batch is a pure function of its index, so the result
 * does not depend on the number of workers.
 */
final class Prefetcher implements BatchStream {
    /** Loads batch {@code index} of the epoch. */
    interface Loader {
        Batch load(int index);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Loader loader;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private final int end;
    private final int prefetch;
    private int next;
    private boolean closed;

    Prefetcher(Loader loader, int first, int end, int workers, int prefetch) {
        this.loader = loader;
        this.end = end;
        this.next = Math.max(0, first);
        this.prefetch = prefetch;
        if (workers > 0 && next < end) {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "gan4j-data-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            fill();
        } else {
            this.pool = null;
        }
    }

    private void fill() {
        while (!closed && inFlight.size() < prefetch && next < end) {
            int index = next++;
            inFlight.add(pool.submit(() -> loader.load(index)));
        }
    }

    @Override
    public boolean hasNext() {
        return !closed && (pool == null ? next < end : !inFlight.isEmpty());
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (pool == null) {
            return loader.load(next++);
        }
        Future<Batch> f = inFlight.poll();
        fill();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("batch loading was cancelled", e);
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("batch loading failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool != null) {
            for (Future<Batch> f : inFlight) {
                f.cancel(true);
            }
            inFlight.clear();
            pool.shutdownNow();
        }
    }
}
