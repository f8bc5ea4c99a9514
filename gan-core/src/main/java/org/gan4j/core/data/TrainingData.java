package org.gan4j.core.data;

import java.util.Objects;

/**
 * Opened training data: the batches, and optionally fixed examples a variant shows in its sample grids
 * (e.g. a few validation pairs), which the opener hands over with
 * {@link org.gan4j.core.train.GanVariant#usePreviewExamples(Batch)}.
 *
 * @param source the training batches
 * @param preview examples for previews, or null to let the variant pick its own
 */
public record TrainingData(BatchSource source, Batch preview) {
    public TrainingData {
        Objects.requireNonNull(source, "source");
    }

    /** Training batches without preview examples. */
    public static TrainingData of(BatchSource source) {
        return new TrainingData(source, null);
    }
}
