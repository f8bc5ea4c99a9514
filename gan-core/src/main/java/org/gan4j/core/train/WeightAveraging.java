package org.gan4j.core.train;

/**
 * Exponential moving average of the generators' weights (Yazıcı et al. 2019, "The Unusual Effectiveness of
 * Averaging in GAN Training"; used by ProGAN, StyleGAN, BigGAN): the {@link Trainer} keeps a shadow copy
 * of each exported generator's parameters and, after every training step,
 * {@code shadow = d * shadow + (1 - d) * weights}. The averaged weights are what previews, the exported
 * {@code generator.zip} and inference from a checkpoint ({@link Checkpoint#restoreVariant()}) use; training
 * itself always continues on the raw weights. Batch-norm statistics of a noise-to-image generator are
 * re-estimated for whatever weights it samples with.
 *
 * <p>The per-step factor is {@code d = min(decay, (1 + n) / (10 + n))}, where {@code n} counts the steps since
 * {@code start} (TensorFlow's {@code ExponentialMovingAverage} with {@code num_updates}): the early average
 * forgets the random initial weights quickly. Before {@code start} the shadow simply follows the weights.
 *
 * @param decay the long-run decay, in (0, 1): 0.999 averages over roughly the last thousand steps
 * @param start steps (iterations) before averaging begins, at least 0
 */
public record WeightAveraging(double decay, int start) {
    public WeightAveraging {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the averaging decay must be in (0, 1), got " + decay
                    + " (0.999 averages over about the last 1000 steps)");
        }
        if (start < 0) {
            throw new IllegalArgumentException("the averaging start must be 0 or more iterations, got " + start);
        }
    }

    /** The factor of the shadow in the update after {@code iteration} steps in total (1-based). */
    double factor(int iteration) {
        if (iteration <= start) {
            return 0;
        }
        double n = iteration - start - 1;
        return Math.min(decay, (1 + n) / (10 + n));
    }
}
