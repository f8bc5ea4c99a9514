package org.gan4j.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gan4j.core.image.ImageTensors;
import org.junit.jupiter.api.Test;

class TransformTest {
    private static Pixels gradient(int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                d[i] = (byte) (x * 255 / (w - 1));
                d[i + 1] = (byte) (y * 255 / (h - 1));
                d[i + 2] = (byte) 128;
            }
        }
        return new Pixels(w, h, 3, d);
    }

    @Test
    void resizedSizesFollowPix2pix() {
        Transform t = new Transform(TransformOptions.defaults(), true);
        assertArrayEquals(new int[] {286, 286}, t.resized(500, 300));
        Transform sw = new Transform(TransformOptions.defaults().withPreprocess(Preprocess.SCALE_WIDTH_AND_CROP), true);
        assertArrayEquals(new int[] {286, 429}, sw.resized(200, 300));
        assertArrayEquals(new int[] {286, 256}, sw.resized(600, 300), "height at least the crop size");
        Transform none = new Transform(TransformOptions.defaults().withPreprocess(Preprocess.NONE), true);
        assertArrayEquals(new int[] {100, 48}, none.resized(101, 49), "multiples of 4");
    }

    @Test
    void shrinkingAndEnlargingKeepSmoothContentAndConstants() {
        Pixels src = gradient(64, 64);
        Transform t = new Transform(TransformOptions.resizeOnly(16), false);
        var prm = t.draw(new SplittableRandom(1), 64, 64, null);
        Transform.Item it = t.apply(src, prm);
        assertEquals(16, it.width());
        // blue stays 128 exactly; red grows left to right; corners close to the source's
        for (int i = 0; i < 256; i++) {
            assertEquals(128, ImageTensors.toPixel(it.data()[2 * 256 + i]));
        }
        assertTrue(ImageTensors.toPixel(it.data()[0]) < 15);
        assertTrue(ImageTensors.toPixel(it.data()[15]) > 240);
        Transform up = new Transform(TransformOptions.resizeOnly(100), false);
        Transform.Item big = up.apply(src, up.draw(new SplittableRandom(1), 64, 64, null));
        int prev = -1;
        for (int x = 0; x < 100; x++) {
            int v = ImageTensors.toPixel(big.data()[50 * 100 + x]);
            assertTrue(v >= prev - 1, "monotone red along a row");
            prev = v;
        }
    }

    @Test
    void flippedCropIsTheMirrorOfTheUnflippedOne() {
        Pixels src = gradient(40, 40);
        Transform t = new Transform(TransformOptions.defaults().withLoadSize(48).withCropSize(32), true);
        Transform.Params p = new Transform.Params(48, 48, 5, 7, 32, 32, false);
        Transform.Params f = new Transform.Params(48, 48, 5, 7, 32, 32, true);
        float[] a = t.apply(src, p).data();
        float[] b = t.apply(src, f).data();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(a[c * 1024 + y * 32 + x], b[c * 1024 + y * 32 + 31 - x], 1e-6);
                }
            }
        }
    }
}
