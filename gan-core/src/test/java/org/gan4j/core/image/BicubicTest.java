package org.gan4j.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BicubicTest {

    @Test
    void cubicKernelIsKeysWithMinusHalf() {
        assertEquals(1, Bicubic.cubic(0), 0);
        assertEquals(0, Bicubic.cubic(1), 0);
        assertEquals(0, Bicubic.cubic(2), 0);
        assertEquals(0.5625, Bicubic.cubic(0.5), 1e-12); // 1.5/8 - 2.5/4 + 1
        assertEquals(-0.0625, Bicubic.cubic(1.5), 1e-12); // -0.5*3.375 + 2.5*2.25 - 6 + 2
    }

    @Test
    void shrinkingARampSamplesItAtMatlabPositions() {
        // a linear ramp is reproduced exactly by the normalised, symmetric kernel away from the borders;
        // output x (1-based) sits at input position u = x/s + 0.5(1 - 1/s) = 4x - 1.5, i.e. value 4x - 2.5 (0-based)
        int n = 64;
        double[] ramp = new double[n];
        for (int i = 0; i < n; i++) {
            ramp[i] = i;
        }
        double[] out = Bicubic.resize(ramp, 1, 1, n, 1, n / 4, false);
        for (int x = 3; x <= 14; x++) {
            assertEquals(4 * x - 2.5, out[x - 1], 1e-9, "x=" + x);
        }
    }

    @Test
    void borderMirrorsAsMatlab() {
        // 4 -> 2 on [0, 0, 0, 8]: u = 1.5 and 3.5, kernel width 8 over mirrored [.., 0,0,0,8 | 8,0,0,0 ..]
        double[] out = Bicubic.resize(new double[] {0, 0, 0, 8}, 1, 1, 4, 1, 2, false);
        double[] expected = new double[2];
        for (int x = 1; x <= 2; x++) {
            double u = x * 2 - 0.5;
            double sum = 0;
            double acc = 0;
            int[] mirrored = {8, 0, 0, 0, 0, 0, 0, 8, 8, 0, 0, 0}; // indices -3..8 (1-based) of aux=[1..4,4..1]
            for (int j = (int) Math.floor(u - 4); j <= (int) Math.floor(u - 4) + 9; j++) {
                double w = 0.5 * Bicubic.cubic(0.5 * (u - j));
                sum += w;
                acc += w * mirrored[j + 3];
            }
            expected[x - 1] = acc / sum;
        }
        assertEquals(expected[0], out[0], 1e-12);
        assertEquals(expected[1], out[1], 1e-12);
    }

    @Test
    void constantStaysConstantAndUpDownKeepsSize() {
        double[] c = new double[3 * 8 * 12];
        java.util.Arrays.fill(c, 77);
        double[] up = Bicubic.resize(c, 3, 8, 12, 32, 48, true);
        for (double v : up) {
            assertEquals(77, v, 0);
        }
        double[] down = Bicubic.resize(up, 3, 32, 48, 8, 12, true);
        assertEquals(3 * 8 * 12, down.length);
        assertEquals(77, down[17], 0);
    }
}
