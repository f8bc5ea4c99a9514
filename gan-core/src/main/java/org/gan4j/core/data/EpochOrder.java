package org.gan4j.core.data;

import java.util.SplittableRandom;

/**
 * Seeded orders and random streams as pure functions of their arguments, the one place in gan4j where
 * seeds are mixed: the order of an epoch ({@link #permutation}), a random stream per position of an
 * epoch ({@link #random}) and SplitMix64's finaliser ({@link #mix64}), which every other seed derivation
 * (e.g. {@code org.gan4j.core.train.Seeds}) is built on.
 *
 * <p>The permutation is a Fisher-Yates shuffle driven by SplitMix64, written out here so that the order
 * never depends on the JDK's random classes; a change to it changes every resumed run.
 */
public final class EpochOrder {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EpochOrder() {}

    /** The order of {@code n} examples in {@code epoch}: a permutation of {@code 0..n-1}, the same for the same arguments on every JVM. */
    public static int[] permutation(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long state = mix64(mix64(seed) + epoch);
        for (int i = n - 1; i > 0; i--) {
            state += GOLDEN_GAMMA;
            int j = uniform(state, i + 1);
            while (j < 0) { // rejected draw (bias removal); take the next one
                state += GOLDEN_GAMMA;
                j = uniform(state, i + 1);
            }
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * A random stream for one {@code purpose} at one {@code position} of an epoch, independent of every
     * other (seed, epoch, position, purpose): no state is shared between items or threads.
     */
    public static SplittableRandom random(long seed, int epoch, long position, int purpose) {
        long h = mix64(seed + GOLDEN_GAMMA);
        h = mix64(h ^ (epoch * 0x632be59bd9b4e019L));
        h = mix64(h ^ (position * 0x85157af5L + purpose));
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser (Stafford variant 13): a bijection that spreads every input bit over the output. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform value in [0, bound) from one SplitMix64 state, or -1 if the draw must be rejected. */
    private static int uniform(long state, int bound) {
        long r = mix64(state) >>> 1; // 63 random bits
        long v = r % bound;
        return r - v + (bound - 1) < 0 ? -1 : (int) v;
    }
}
