package org.gan4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Synthetic batches have the shapes and ranges the specs declare (what 'gan bench' trains on). */
class DataSpecTest {
    private static void inRange(INDArray x, double lo, double hi) {
        assertTrue(x.minNumber().doubleValue() >= lo && x.maxNumber().doubleValue() <= hi,
                "values in [" + lo + ", " + hi + "]");
    }

    @Test
    void syntheticBatchesHaveTheDeclaredShapes() {
        Batch mnist = new DataSpec.MnistImages().syntheticBatch(3);
        assertArrayEquals(new long[] {3, 1, 28, 28}, mnist.a().shape());
        assertNull(mnist.b());
        inRange(mnist.a(), -1, 1);

        Batch labelled = new DataSpec.LabelledMnist().syntheticBatch(12);
        assertArrayEquals(new long[] {12, 10}, labelled.b().shape());
        assertEquals(12.0, labelled.b().sumNumber().doubleValue(), 0, "one-hot rows");
        assertEquals(1.0, labelled.b().getDouble(11, 1), 0, "classes in turn");

        Batch paired = new DataSpec.PairedFolder(1, 3, 16, 18, true).syntheticBatch(2);
        assertArrayEquals(new long[] {2, 1, 16, 16}, paired.a().shape());
        assertArrayEquals(new long[] {2, 3, 16, 16}, paired.b().shape());

        Batch unpaired = new DataSpec.UnpairedFolders(3, 1, 8, 9).syntheticBatch(2);
        assertArrayEquals(new long[] {2, 1, 8, 8}, unpaired.b().shape());

        Batch disco = new DataSpec.PairsAsUnpaired(3, 3, 64, true).syntheticBatch(1);
        assertArrayEquals(new long[] {1, 3, 64, 64}, disco.a().shape());

        Batch sr = new DataSpec.SuperResolutionCrops(24, 4).syntheticBatch(2);
        assertArrayEquals(new long[] {2, 3, 6, 6}, sr.a().shape());
        assertArrayEquals(new long[] {2, 3, 24, 24}, sr.b().shape());
        inRange(sr.a(), 0, 1);
    }

    @Test
    void badSpecsAreRefusedNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DataSpec.SuperResolutionCrops(30, 4));
        assertTrue(e.getMessage().contains("30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataSpec.PairedFolder(0, 3, 8, 8, false));
    }
}
