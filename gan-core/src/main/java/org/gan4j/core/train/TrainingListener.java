package org.gan4j.core.train;

import java.util.Map;

/**
 * Cross-cutting work around training (progress, logs, sample grids, checkpoints). Methods run on the
 * training thread between steps; an exception stops training.
 */
public interface TrainingListener {

    /** Before the first step of this run (also after a resume). */
    default void onStart(Trainer trainer) {}

    /** After every iteration, with that step's losses. */
    default void onIteration(Trainer trainer, Map<String, Double> losses) {}

    /** After the last batch of an epoch ({@link Trainer#epoch()} is the epoch that ended). */
    default void onEpochEnd(Trainer trainer) {}

    /** After the last step (normal end or iteration limit). */
    default void onEnd(Trainer trainer) {}
}
