package org.gan4j.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodingTest {
    @TempDir
    Path dir;

    private Pixels decode(Path f) {
        return Decoder.decode(f, JpegDecoder.TWELVEMONKEYS, true);
    }

    @Test
    void grayPngIsOneChannelAndReplicatesToRgb() throws Exception {
        BufferedImage g = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(1, 2, 0, 77);
        Path f = TestImages.png(g, dir.resolve("g.png"));
        Pixels p = decode(f);
        assertEquals(1, p.channels());
        assertEquals(77, p.get(1, 2, 0));
        Pixels rgb = p.withChannels(3);
        assertEquals(77, rgb.get(1, 2, 0));
        assertEquals(77, rgb.get(1, 2, 2));
    }

    @Test
    void rgbToLumaUsesItu601AsPil() {
        Pixels p = new Pixels(1, 1, 3, new byte[] {(byte) 200, 100, 50});
        assertEquals(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50), p.withChannels(1).get(0, 0, 0));
    }

    @Test
    void pngWithAlphaKeepsColoursAndDropsAlpha() throws Exception {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x80_10_20_30);
        img.setRGB(1, 0, 0x00_40_50_60);
        Pixels p = decode(TestImages.png(img, dir.resolve("a.png")));
        assertEquals(3, p.channels());
        assertEquals(0x10, p.get(0, 0, 0));
        assertEquals(0x30, p.get(0, 0, 2));
        assertEquals(0x50, p.get(1, 0, 1));
    }

    @Test
    void sixteenBitPngsAreScaledTo8Bits() throws Exception {
        BufferedImage g = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g.getRaster().setSample(0, 0, 0, 0x8080);
        g.getRaster().setSample(1, 0, 0, 0xFFFF);
        Pixels p = decode(TestImages.png(g, dir.resolve("g16.png")));
        assertEquals(128, p.get(0, 0, 0));
        assertEquals(255, p.get(1, 0, 0));
        BufferedImage rgb = new BufferedImage(new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT),
                Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 1, 1, 3, null), false, null);
        rgb.getRaster().setPixel(0, 0, new int[] {0xFFFF, 0x8080, 0});
        Pixels q = decode(TestImages.png(rgb, dir.resolve("rgb16.png")));
        assertEquals(255, q.get(0, 0, 0));
        assertEquals(128, q.get(0, 0, 1));
        assertEquals(0, q.get(0, 0, 2));
    }

    @Test
    void bmpAndProgressiveJpeg() throws Exception {
        BufferedImage img = TestImages.solid(16, 16, 0x3366CC);
        Path bmp = dir.resolve("x.bmp");
        ImageIO.write(TestImages.coords(16, 16, 0, 9), "bmp", bmp.toFile());
        assertEquals(9, decode(bmp).get(3, 4, 2));
        assertEquals(3, decode(bmp).get(3, 4, 0));
        Path prog = dir.resolve("p.jpg");
        Files.write(prog, TestImages.jpegBytes(img, true));
        for (JpegDecoder d : JpegDecoder.values()) {
            Pixels p = Decoder.decode(prog, d, true);
            assertTrue(Math.abs(p.get(5, 5, 0) - 0x33) <= 3 && Math.abs(p.get(5, 5, 2) - 0xCC) <= 3);
        }
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        // a 4-component (CMYK, stored inverted as Adobe does) JPEG: no ink on the left, black (K) on the right
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                r.setPixel(x, y, new int[] {255, 255, 255, x < 8 ? 255 : 0});
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        }
        byte[] raw = bos.toByteArray();
        // an Adobe APP14 segment with transform 0 marks the four components as (inverted) CMYK
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream cmyk = new ByteArrayOutputStream();
        cmyk.write(raw, 0, 2);
        cmyk.write(adobe);
        cmyk.write(raw, 2, raw.length - 2);
        Path f = Files.write(dir.resolve("cmyk.jpg"), cmyk.toByteArray());

        for (JpegDecoder d : new JpegDecoder[] {JpegDecoder.TWELVEMONKEYS, JpegDecoder.OPENCV}) {
            Pixels p = Decoder.decode(f, d, true);
            assertEquals(3, p.channels());
            assertEquals(16, p.width());
            int left = p.get(2, 8, 0);
            int right = p.get(13, 8, 0);
            assertTrue(left > 200 && right < 60, d + ": white left, black right: " + left + " vs " + right);
        }
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        // 32x16: left half red, right half blue; orientation 6 = rotate 90 degrees clockwise to display
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, x < 16 ? 0xFF0000 : 0x0000FF);
            }
        }
        byte[] jpg = TestImages.jpegBytes(img, false);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0};
        int len = 2 + 6 + tiff.length;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(jpg, 0, 2);
        b.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        b.write(tiff);
        b.write(jpg, 2, jpg.length - 2);
        Path f = Files.write(dir.resolve("rot.jpg"), b.toByteArray());
        for (JpegDecoder d : JpegDecoder.values()) {
            // applied exactly once: OpenCV's own EXIF rotation is switched off
            Pixels p = Decoder.decode(f, d, true);
            assertEquals(16, p.width(), d.name());
            assertEquals(32, p.height());
            assertTrue(p.get(8, 4, 0) > 200 && p.get(8, 4, 2) < 60, d + ": top is the old left half (red)");
            assertTrue(p.get(8, 28, 2) > 200, d + ": bottom is the old right half (blue)");
            Pixels raw = Decoder.decode(f, d, false);
            assertEquals(32, raw.width());
        }
    }

    @Test
    void orientationsMatchTheirDefinition() {
        // 3x2 image with values 0..5 row-major
        Pixels p = new Pixels(3, 2, 1, new byte[] {0, 1, 2, 3, 4, 5});
        assertArrayEquals(new byte[] {2, 1, 0, 5, 4, 3}, p.oriented(2));
        assertArrayEquals(new byte[] {5, 4, 3, 2, 1, 0}, p.oriented(3));
        assertArrayEquals(new byte[] {3, 4, 5, 0, 1, 2}, p.oriented(4));
        assertArrayEquals(new byte[] {0, 3, 1, 4, 2, 5}, p.oriented(5));
        assertArrayEquals(new byte[] {3, 0, 4, 1, 5, 2}, p.oriented(6));
        assertArrayEquals(new byte[] {5, 2, 4, 1, 3, 0}, p.oriented(7));
        assertArrayEquals(new byte[] {2, 5, 1, 4, 0, 3}, p.oriented(8));
    }

    private static void assertArrayEquals(byte[] expected, Pixels actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual.data());
    }
}
