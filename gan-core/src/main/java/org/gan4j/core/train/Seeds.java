package org.gan4j.core.train;

import org.gan4j.core.data.EpochOrder;

/** Derives independent seeds from a run seed (SplitMix64 finalizer, {@link EpochOrder#mix64}). */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed seed for the pair (a, b) under {@code seed}. */
    public static long mix(long seed, long a, long b) {
        return EpochOrder.mix64(seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xD1B54A32D192ED03L * (b + 1));
    }
}
