package org.gan4j.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.internal.MemoryRelease;
import org.gan4j.core.nn.Backend;
import org.gan4j.core.nn.Network;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the training loop: epochs and iterations over a {@link BatchSource}, seeding, listeners,
 * checkpoints and resuming. The {@link GanVariant} only performs single steps.
 *
 * <p>Reproducibility: before every step ND4J's random generator (dropout, etc.) is reseeded and
 * the step gets a {@link StepContext} whose random source is derived from (seed, iteration); the
 * batch order is a function of (seed, epoch). So a run resumed from a checkpoint performs the same
 * computations as an uninterrupted one.
 */
public final class Trainer {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    /** Default of {@link Builder#gcInterval}; also used by benchmarks that drive steps without a trainer. */
    public static final Duration DEFAULT_GC_INTERVAL = Duration.ofSeconds(5);

    private final GanVariant variant;
    private final BatchSource data;
    private final int epochs;
    private final long seed;
    private final long maxIterations;
    private final List<TrainingListener> listeners;
    private final Map<String, String> runConfig;
    private final Duration gcInterval;
    private final MemoryRelease memory;
    private final AveragedWeights averages;

    private int iteration;
    private int epoch;
    private int batchInEpoch;
    private long startNanos;
    private int startIteration;
    private volatile boolean stopRequested;

    private Trainer(Builder b) {
        this.variant = b.variant;
        this.data = b.data;
        this.epochs = b.epochs == 0 ? Integer.MAX_VALUE : b.epochs;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.listeners = List.copyOf(b.listeners);
        this.runConfig = Collections.unmodifiableMap(new LinkedHashMap<>(b.runConfig));
        this.gcInterval = b.gcInterval;
        this.memory = new MemoryRelease(gcInterval);
        this.averages = b.averaging == null ? null : new AveragedWeights(b.averaging, variant);
        // networks of a variant that did not come through gan4j's wrappers' path get the same backend
        variant.networks().values().forEach(n -> Backend.configure(n.model()));
        if (data.batchesPerEpoch() <= 0) {
            throw new IllegalArgumentException("the data gives no full batch of " + data.batchSize()
                    + " examples: use a smaller batch size or more data");
        }
    }

    /** Starts a builder; {@code variant} and {@code data} are required. */
    public static Builder builder(GanVariant variant, BatchSource data) {
        return new Builder(variant, data);
    }

    /**
     * Restores networks, optimizer states, variant state and counters from a checkpoint written by
     * {@link #saveCheckpoint}. Call before {@link #fit()}.
     */
    public void resumeFrom(Path checkpoint) throws IOException {
        Checkpoint cp = Checkpoint.read(checkpoint);
        if (!cp.variantName().equals(variant.name())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " is of variant '" + cp.variantName()
                    + "', not '" + variant.name() + "'");
        }
        if (cp.seed() != seed) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was trained with seed " + cp.seed()
                    + ", this trainer has seed " + seed + ": use the checkpoint's seed to continue exactly");
        }
        cp.restoreInto(variant);
        if (averages != null) {
            cp.restoreAverages(averages);
        }
        iteration = cp.iteration();
        epoch = cp.epoch();
        batchInEpoch = cp.batchInEpoch();
        log.info("resumed {} at iteration {} (epoch {}, batch {})", variant.name(), iteration, epoch, batchInEpoch);
    }

    /** Runs until {@code epochs} epochs are done, the iteration limit is reached or {@link #stop()} is called. */
    public void fit() {
        startNanos = System.nanoTime();
        startIteration = iteration;
        stopRequested = false;
        listeners.forEach(l -> l.onStart(this));
        int perEpoch = data.batchesPerEpoch();
        outer:
        while (epoch < epochs) {
            for (Network n : variant.networks().values()) {
                n.setEpoch(epoch);
            }
            try (BatchSource.BatchStream stream = data.epoch(seed, epoch, batchInEpoch)) {
                while (batchInEpoch < perEpoch) {
                    if (iteration >= maxIterations || stopRequested) {
                        break outer;
                    }
                    if (!stream.hasNext()) {
                        throw new IllegalStateException("data source ended after " + batchInEpoch + " of "
                                + perEpoch + " batches in epoch " + epoch);
                    }
                    Batch batch = stream.next();
                    Nd4j.getRandom().setSeed(Seeds.mix(seed, iteration, 0xd14L));
                    Map<String, Double> losses = variant.trainStep(batch, new StepContext(seed, iteration, epoch));
                    iteration++;
                    batchInEpoch++;
                    if (averages != null) {
                        averages.update(iteration);
                    }
                    for (TrainingListener l : listeners) {
                        l.onIteration(this, losses);
                    }
                    memory.releaseIfDue();
                }
            }
            listeners.forEach(l -> l.onEpochEnd(this));
            epoch++;
            batchInEpoch = 0;
        }
        listeners.forEach(l -> l.onEnd(this));
    }

    /**
     * Releases memory now, as the periodic release does ({@link Builder#gcInterval}; nothing if that is
     * zero): listeners call it before work that allocates a lot (previews, checkpoints), so that the garbage
     * of the last iterations is gone before the work adds its own and the process' peak stays low.
     */
    public void releaseMemory() {
        if (!gcInterval.isZero()) {
            memory.release();
        }
    }

    /** Asks the loop to stop after the current step (e.g. from a shutdown hook). */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Writes a complete checkpoint (networks with optimizer state, variant state, counters, seed,
     * run configuration) atomically: a temporary file renamed over {@code file}.
     */
    public void saveCheckpoint(Path file) {
        try {
            Checkpoint.write(file, this);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + file + ": "
                    + org.gan4j.core.io.IoErrors.describe(e), e);
        }
    }

    public GanVariant variant() {
        return variant;
    }

    /** The generator weight averaging of this run, if any ({@link Builder#averaging}). */
    public Optional<WeightAveraging> averaging() {
        return averages == null ? Optional.empty() : Optional.of(averages.settings());
    }

    /**
     * Runs {@code work} with the generators' averaged weights in place (when this run averages; otherwise
     * with the trained weights as they are) and puts the trained weights back exactly afterwards: for
     * previews and exports. Listeners call it from the training thread, between steps.
     */
    public <T> T withAveragedWeights(Supplier<T> work) {
        return averages == null ? work.get() : averages.apply(work);
    }

    AveragedWeights averages() {
        return averages;
    }

    /** Iterations completed. */
    public int iteration() {
        return iteration;
    }

    /** Current epoch (0-based). Inside {@link TrainingListener#onEpochEnd} the epoch that ended. */
    public int epoch() {
        return epoch;
    }

    /** Batches of the current epoch completed. */
    public int batchInEpoch() {
        return batchInEpoch;
    }

    public int batchesPerEpoch() {
        return data.batchesPerEpoch();
    }

    public int batchSize() {
        return data.batchSize();
    }

    /** The epoch limit ({@link Integer#MAX_VALUE} when only {@code maxIterations} limits the run). */
    public int epochs() {
        return epochs;
    }

    public long seed() {
        return seed;
    }

    /** Iterations this run will have done when it ends normally. */
    public long plannedIterations() {
        return Math.min(maxIterations, (long) epochs * data.batchesPerEpoch());
    }

    /** Iterations done since {@link #fit()} started (excludes those restored from a checkpoint). */
    public int iterationsThisRun() {
        return iteration - startIteration;
    }

    /** Nanoseconds since {@link #fit()} started. */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Extra settings stored in checkpoints (e.g. the command line's options). */
    public Map<String, String> runConfig() {
        return runConfig;
    }

    /** Optional settings with their defaults. */
    public static final class Builder {
        private final GanVariant variant;
        private final BatchSource data;
        private int epochs; // 0: not given
        private long seed = 42;
        private long maxIterations = Long.MAX_VALUE;
        private Duration gcInterval = DEFAULT_GC_INTERVAL;
        private WeightAveraging averaging;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private final Map<String, String> runConfig = new LinkedHashMap<>();

        private Builder(GanVariant variant, BatchSource data) {
            this.variant = Objects.requireNonNull(variant, "variant");
            this.data = Objects.requireNonNull(data, "data");
        }

        /**
         * Number of epochs. A run needs a length: epochs, {@link #maxIterations}, or both (then whichever
         * comes first); with only {@code maxIterations} the epochs are not limited.
         */
        public Builder epochs(int epochs) {
            if (epochs <= 0) {
                throw new IllegalArgumentException("epochs must be positive, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Seed of the batch order, noise and dropout (default 42). Weight initialisation is seeded by the variant. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Stop after this many iterations in total, counting restored ones (without it, after
         * {@link #epochs}); with only this, the epochs are not limited.
         */
        public Builder maxIterations(long maxIterations) {
            if (maxIterations <= 0) {
                throw new IllegalArgumentException("maxIterations must be positive, got " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * How often the loop asks the JVM for a garbage collection (default 5 s; {@link Duration#ZERO}: never).
         * ND4J frees the native memory of arrays outside its workspaces (a network's activations and
         * gradients when driven step by step, as GAN steps are) only when their Java objects are
         * collected; those objects are tiny, so without this a DCGAN at batch 256 grows by ~150 MB of
         * native memory per iteration until the heap happens to fill up. A full collection of the small
         * heap takes milliseconds. Each time glibc's allocator is also asked to return its free pages to the
         * system ({@code malloc_trim}), which otherwise keeps the process at its high-water mark.
         */
        public Builder gcInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("gcInterval must not be negative, got " + interval);
            }
            this.gcInterval = interval;
            return this;
        }

        /**
         * Averages the exported generators' weights as {@code averaging} says (default: none). The average is
         * saved in checkpoints and used for previews, exports and inference from checkpoints.
         */
        public Builder averaging(WeightAveraging averaging) {
            this.averaging = averaging;
            return this;
        }

        /** Adds listeners, called in the order added. */
        public Builder listeners(TrainingListener... more) {
            listeners.addAll(List.of(more));
            return this;
        }

        /** Adds a setting to store in checkpoints next to the variant's own configuration. */
        public Builder runConfig(String key, String value) {
            runConfig.put(key, value);
            return this;
        }

        /**
         * @throws IllegalStateException if neither {@link #epochs} nor {@link #maxIterations} was given
         */
        public Trainer build() {
            if (epochs == 0 && maxIterations == Long.MAX_VALUE) {
                throw new IllegalStateException("give the run a length: Trainer.builder(...).epochs(n), "
                        + ".maxIterations(n), or both (the run stops at whichever comes first)");
            }
            return new Trainer(this);
        }
    }
}
