package org.gan4j.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageMetricsTest {
    /** [-1, 1] tensor whose pixels are exactly {@code v / 255}. */
    private static INDArray constant(int v, long... shape) {
        return Nd4j.valueArrayOf(shape, v / 127.5 - 1, DataType.FLOAT);
    }

    @Test
    void valuesOnConstantImages() {
        INDArray a = constant(100, 3, 16, 16);
        INDArray b = constant(110, 1, 3, 16, 16);
        assertEquals(10 / 255.0, ImageMetrics.l1(a, b), 1e-9);
        assertEquals(20 * Math.log10(25.5), ImageMetrics.psnr(a, b), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, ImageMetrics.psnr(a, a));
        assertEquals(1.0, ImageMetrics.ssim(a, a), 1e-12);
        // constant images: SSIM is the luminance term (2 m1 m2 + C1) / (m1^2 + m2^2 + C1)
        double m1 = 100 / 255.0;
        double m2 = 110 / 255.0;
        assertEquals((2 * m1 * m2 + 1e-4) / (m1 * m1 + m2 * m2 + 1e-4), ImageMetrics.ssim(a, b), 1e-9);
    }

    @Test
    void ssimFallsWithNoiseAndHandlesSmallImages() {
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 32, 32).muli(2).subi(1);
        INDArray slight = x.add(Nd4j.randn(DataType.FLOAT, 1, 32, 32).muli(0.05));
        INDArray heavy = x.add(Nd4j.randn(DataType.FLOAT, 1, 32, 32).muli(0.5));
        double s1 = ImageMetrics.ssim(x, slight);
        double s2 = ImageMetrics.ssim(x, heavy);
        assertTrue(s1 < 1 && s2 < s1, s1 + " " + s2);
        assertTrue(ImageMetrics.psnr(x, slight) > ImageMetrics.psnr(x, heavy));
        assertEquals(1.0, ImageMetrics.ssim(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6)).dup(),
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6)).dup()), 1e-12);
    }
}
