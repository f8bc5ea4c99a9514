package org.gan4j.datasets.mnist;

/**
 * The order of an epoch as a pure function of (seed, epoch): a Fisher-Yates shuffle driven by
 * SplitMix64, written out here so that the order never depends on the JDK's random classes.
 */
final class EpochOrder {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EpochOrder() {}

    /** A permutation of {@code 0..n-1}, the same for the same arguments on every JVM. */
    static int[] permutation(int n, long seed, int epoch) {
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

    /** Uniform value in [0, bound) from one SplitMix64 state, or -1 if the draw must be rejected. */
    private static int uniform(long state, int bound) {
        long r = mix64(state) >>> 1; // 63 random bits
        long v = r % bound;
        return r - v + (bound - 1) < 0 ? -1 : (int) v;
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
