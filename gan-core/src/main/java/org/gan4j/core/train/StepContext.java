package org.gan4j.core.train;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a training step may know about the run: counters and a random source that is a pure
 * function of (seed, iteration), which makes a resumed run continue exactly.
 */
public final class StepContext {
    private final int iteration;
    private final int epoch;
    private final SplittableRandom random;

    /** @param iteration trainer iterations completed before this step */
    public StepContext(long seed, int iteration, int epoch) {
        this.iteration = iteration;
        this.epoch = epoch;
        this.random = new SplittableRandom(Seeds.mix(seed, iteration, 0x5eedL));
    }

    /** Iterations completed before this step (0 for the first). */
    public int iteration() {
        return iteration;
    }

    /** Current epoch (0-based). */
    public int epoch() {
        return epoch;
    }

    /** This step's random source. */
    public SplittableRandom random() {
        return random;
    }

    /** A float array of standard normal values from this step's random source. */
    public INDArray gaussian(long... shape) {
        return gaussian(random, shape);
    }

    /** Standard normal values from {@code random}, e.g. a fixed preview noise. */
    public static INDArray gaussian(SplittableRandom random, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(v, shape, 'c');
    }
}
