package org.gan4j.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.image.Bicubic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SuperResolutionDatasetTest {
    @TempDir
    Path dir;

    @Test
    void batchesAreLrInUnitRangeAndHrCropsInSignedRange() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestImages.png(TestImages.coords(40 + 8 * i, 36, 3 + i, 50 * i), dir.resolve("p" + i + ".png"));
        }
        SuperResolutionDataset ds = SuperResolutionDataset.builder(dir).batchSize(2).cropSize(16).scale(4)
                .load(TestImages.load(1)).build();
        assertEquals(1, ds.batchesPerEpoch());
        Batch b;
        try (var s = ds.epoch(7, 0, 0)) {
            b = s.next();
        }
        assertArrayEquals(new long[] {2, 3, 4, 4}, b.a().shape());
        assertArrayEquals(new long[] {2, 3, 16, 16}, b.b().shape());
        assertEquals(0, Math.min(0, b.a().minNumber().doubleValue()), 0);
        assertEquals(1, Math.max(1, b.a().maxNumber().doubleValue()), 0);
        // LR = MATLAB-style bicubic of the HR crop, 8-bit rounded, / 255
        INDArray hr0 = b.b().get(NDArrayIndex.point(0));
        double[] px = hr0.dup('c').data().asDouble();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.rint((px[i] + 1) * 127.5);
        }
        double[] lr = Bicubic.resize(px, 3, 16, 16, 4, 4, true);
        double[] got = b.a().get(NDArrayIndex.point(0)).dup('c').data().asDouble();
        for (int i = 0; i < lr.length; i++) {
            assertEquals(lr[i] / 255, got[i], 1e-6);
        }
        // same (seed, epoch) -> same batch; test mode is deterministic too
        try (var s = ds.epoch(7, 0, 0)) {
            Batch again = s.next();
            assertEquals(b.a(), again.a());
            assertEquals(b.b(), again.b());
        }
        SuperResolutionDataset many = SuperResolutionDataset.builder(dir).batchSize(4).cropSize(16).cropsPerImage(3)
                .load(TestImages.load(0)).build();
        assertEquals(9, many.size());
        assertEquals(2, many.batchesPerEpoch());
        assertThrows(IllegalArgumentException.class,
                () -> SuperResolutionDataset.builder(dir).cropSize(18).scale(4).batchSize(1).build());
    }
}
