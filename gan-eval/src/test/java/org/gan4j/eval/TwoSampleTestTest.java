package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;

class TwoSampleTestTest {
    /** n images of uniform noise in [-1, 1], blurred by {@code smooth} (a 2x2 box, repeated). */
    private static INDArray noise(int n, long seed, boolean smooth) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, 16, 16).muli(2).subi(1);
        if (smooth) { // a blurred copy: the same local mean, far less high-frequency energy (as bicubic vs real)
            INDArray s = x.dup();
            for (int y = 0; y < 15; y++) {
                for (int c = 0; c < 15; c++) {
                    INDArray v = x.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.interval(y, y + 2),
                            NDArrayIndex.interval(c, c + 2)).mean(2, 3);
                    s.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.point(y), NDArrayIndex.point(c))
                            .assign(v);
                }
            }
            return s;
        }
        return x;
    }

    @Test
    void tellsBlurredFromSharpButNotSharpFromSharp() {
        double blurred = TwoSampleTest.accuracy(noise(48, 1, false), noise(48, 2, true), noise(48, 3, false), noise(48, 4, true));
        assertTrue(blurred >= 0.8, "blurred vs sharp: " + blurred);
        double same = TwoSampleTest.accuracy(noise(48, 1, false), noise(48, 2, false), noise(48, 3, false), noise(48, 4, false));
        assertTrue(same > 0.3 && same < 0.7, "same distribution: " + same);
        // seeded: the same inputs give the same accuracy
        assertEquals(blurred, TwoSampleTest.accuracy(noise(48, 1, false), noise(48, 2, true), noise(48, 3, false),
                noise(48, 4, true)));
    }

    @Test
    void crossFittedUsesBothFoldsOfGroups() {
        List<INDArray> real = new ArrayList<>();
        List<INDArray> blurred = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            real.add(noise(24, 10 + g, false));
            blurred.add(noise(24, 20 + g, true));
        }
        double both = TwoSampleTest.crossFitted(real, blurred);
        // by definition the mean of the two one-way tests of the even and odd groups
        INDArray r0 = Nd4j.concat(0, real.get(0), real.get(2));
        INDArray r1 = Nd4j.concat(0, real.get(1), real.get(3));
        INDArray b0 = Nd4j.concat(0, blurred.get(0), blurred.get(2));
        INDArray b1 = Nd4j.concat(0, blurred.get(1), blurred.get(3));
        assertEquals((TwoSampleTest.accuracy(r0, b0, r1, b1) + TwoSampleTest.accuracy(r1, b1, r0, b0)) / 2, both, 1e-12);
        assertTrue(both >= 0.8, "blurred vs sharp: " + both);
    }

    @Test
    void refusesUnbalancedOrTooFewSets() {
        INDArray a = noise(8, 1, false);
        INDArray b = noise(6, 2, false);
        var e = assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.accuracy(a, b, a, a));
        assertTrue(e.getMessage().contains("training sets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.crossFitted(List.of(a), List.of(a)));
        var g = assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.crossFitted(List.of(a, a), List.of(a, b)));
        assertTrue(g.getMessage().contains("group 1"), g.getMessage());
        INDArray other = Nd4j.zeros(DataType.FLOAT, 8, 3, 8, 8);
        assertThrows(IllegalArgumentException.class, () -> TwoSampleTest.accuracy(a, a, other, other));
    }
}
