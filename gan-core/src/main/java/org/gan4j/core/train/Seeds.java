package org.gan4j.core.train;

/** Derives independent seeds from a run seed (SplitMix64 finalizer). */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed seed for the pair (a, b) under {@code seed}. */
    public static long mix(long seed, long a, long b) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xD1B54A32D192ED03L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
