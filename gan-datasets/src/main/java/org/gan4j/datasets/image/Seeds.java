package org.gan4j.datasets.image;

import java.util.SplittableRandom;

/** Random streams derived from (seed, epoch, position, purpose): no shared state between items or threads. */
final class Seeds {
    static final int ORDER = 1;
    static final int PARAMS_A = 2;
    static final int PARAMS_B = 3;
    static final int PICK_B = 4;
    static final int REPLACE = 5;

    private Seeds() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom rng(long seed, int epoch, long position, int purpose) {
        long h = mix(seed + 0x9e3779b97f4a7c15L);
        h = mix(h ^ (epoch * 0x632be59bd9b4e019L));
        h = mix(h ^ (position * 0x85157af5L + purpose));
        return new SplittableRandom(h);
    }

    /** A permutation of 0..n-1 for (seed, epoch), or the identity when {@code shuffle} is false. */
    static int[] order(long seed, int epoch, int n, boolean shuffle) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = rng(seed, epoch, -1, ORDER);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
        }
        return p;
    }
}
