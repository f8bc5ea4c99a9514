package org.gan4j.models.srgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageQualityTest {

    private static BufferedImage image(int w, int h, java.util.function.IntBinaryOperator rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        return img;
    }

    @Test
    void lumaIsBt601StudioRangeRounded() {
        double[][] y = ImageQuality.luma(image(3, 1, (x, yy) -> x == 0 ? 0x000000 : x == 1 ? 0xffffff : 0xff0000));
        assertEquals(16, y[0][0], 0);
        assertEquals(235, y[0][1], 0); // 16 + 219
        assertEquals(81, y[0][2], 0); // 16 + 65.481 = 81.48
    }

    @Test
    void psnrByHand() {
        // gray 100 vs gray 100 except a 2x2 block of 110 inside the 4-pixel border: Y differs there
        BufferedImage a = image(12, 12, (x, y) -> 0x646464);
        BufferedImage b = image(12, 12, (x, y) -> (x >= 5 && x < 7 && y >= 5 && y < 7) ? 0x6e6e6e : 0x646464);
        double ya = Math.rint(16 + (65.481 + 128.553 + 24.966) * 100 / 255);
        double yb = Math.rint(16 + (65.481 + 128.553 + 24.966) * 110 / 255);
        double mse = 4 * (yb - ya) * (yb - ya) / 16.0; // 4x4 pixels left after cropping 4
        assertEquals(10 * Math.log10(255 * 255 / mse), ImageQuality.psnr(a, b, 4), 1e-12);
        // a difference only in the cropped border does not count
        BufferedImage c = image(12, 12, (x, y) -> x == 0 ? 0xffffff : 0x646464);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(a, c, 4));
        assertTrue(ImageQuality.psnr(a, c, 0) < 40);
    }

    @Test
    void ssimOfAnImageWithItselfIsOne() {
        BufferedImage a = image(20, 19, (x, y) -> ((x * 37 + y * 11) % 256) * 0x010101 + (x * 5 << 16));
        assertEquals(1.0, ImageQuality.ssim(a, a, 4), 1e-12);
    }

    @Test
    void ssimOfConstantImagesByHand() {
        // constant planes: every window has zero variance, SSIM = (2 a b + C1) / (a^2 + b^2 + C1)
        double[][] p = new double[15][15];
        double[][] q = new double[15][15];
        for (int j = 0; j < 15; j++) {
            java.util.Arrays.fill(p[j], 100);
            java.util.Arrays.fill(q[j], 120);
        }
        double c1 = Math.pow(0.01 * 255, 2);
        assertEquals((2 * 100 * 120 + c1) / (100 * 100 + 120 * 120 + c1), ImageQuality.ssim(p, q, 2), 1e-12);
    }

    @Test
    void ssimOfTwoPixelValuesByHand() {
        // 11x11: one window; x alternates 0/255 columns... use a plane with a single bright pixel at the centre
        double[][] p = new double[11][11];
        double[][] q = new double[11][11];
        p[5][5] = 255;
        double[][] g = ImageQuality.gaussian(11, 1.5);
        double w = g[5][5];
        double mx = w * 255;
        double vx = w * 255 * 255 - mx * mx;
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double expected = (c1 * c2) / ((mx * mx + c1) * (vx + c2));
        assertEquals(expected, ImageQuality.ssim(p, q, 0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(p, q, 1));
    }
}
