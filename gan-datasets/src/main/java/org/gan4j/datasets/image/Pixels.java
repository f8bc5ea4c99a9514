package org.gan4j.datasets.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** 8-bit pixels, interleaved, 1 (gray) or 3 (RGB) channels, rows top to bottom. */
record Pixels(int width, int height, int channels, byte[] data) {

    int get(int x, int y, int c) {
        return data[(y * width + x) * channels + c] & 0xff;
    }

    /** The same pixels with {@code c} channels: gray is replicated, RGB becomes luma (ITU-R 601, as PIL's "L"). */
    Pixels withChannels(int c) {
        if (c == channels) {
            return this;
        }
        int n = width * height;
        if (c == 3) {
            byte[] out = new byte[3 * n];
            for (int i = 0; i < n; i++) {
                byte v = data[i];
                out[3 * i] = v;
                out[3 * i + 1] = v;
                out[3 * i + 2] = v;
            }
            return new Pixels(width, height, 3, out);
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) luma(data[3 * i] & 0xff, data[3 * i + 1] & 0xff, data[3 * i + 2] & 0xff);
        }
        return new Pixels(width, height, 1, out);
    }

    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /** Columns [x0, x0 + w) of every row. */
    Pixels cropColumns(int x0, int w) {
        byte[] out = new byte[w * height * channels];
        for (int y = 0; y < height; y++) {
            System.arraycopy(data, (y * width + x0) * channels, out, y * w * channels, w * channels);
        }
        return new Pixels(w, height, channels, out);
    }

    /** As a TYPE_BYTE_GRAY or TYPE_3BYTE_BGR image. */
    BufferedImage toImage() {
        if (channels == 1) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(data, 0, px, 0, px.length);
            return img;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < width * height; i++) {
            px[3 * i] = data[3 * i + 2];
            px[3 * i + 1] = data[3 * i + 1];
            px[3 * i + 2] = data[3 * i];
        }
        return img;
    }

    /**
     * Pixels of any image: RGB and gray colour spaces are read from the raster (any bit depth, scaled to
     * 8 bits; alpha dropped as PIL's convert("RGB") does); palettes and other colour spaces go through getRGB.
     */
    static Pixels of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        var cm = img.getColorModel();
        var raster = img.getRaster();
        int csType = cm.getColorSpace().getType();
        boolean direct = !(cm instanceof java.awt.image.IndexColorModel)
                && (csType == java.awt.color.ColorSpace.TYPE_RGB || csType == java.awt.color.ColorSpace.TYPE_GRAY)
                && raster.getNumBands() == cm.getNumComponents();
        if (direct) {
            int colors = cm.getNumColorComponents();
            int bands = raster.getNumBands();
            int[] max = new int[colors];
            boolean eightBit = true;
            for (int c = 0; c < colors; c++) {
                int bits = cm.getComponentSize(c);
                max[c] = bits >= 31 ? Integer.MAX_VALUE : (1 << bits) - 1;
                eightBit &= bits == 8;
            }
            if (colors == 1 || colors == 3) {
                byte[] out = new byte[w * h * colors];
                int[] row = new int[w * bands];
                int o = 0;
                for (int y = 0; y < h; y++) {
                    raster.getPixels(0, y, w, 1, row);
                    for (int x = 0; x < w; x++) {
                        int base = x * bands;
                        for (int c = 0; c < colors; c++) {
                            int v = row[base + c];
                            if (!eightBit) {
                                v = (int) ((v * 255L + max[c] / 2) / max[c]);
                            }
                            out[o++] = (byte) v;
                        }
                    }
                }
                return new Pixels(w, h, colors, out);
            }
        }
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                out[o++] = (byte) (rgb >> 16);
                out[o++] = (byte) (rgb >> 8);
                out[o++] = (byte) rgb;
            }
        }
        return new Pixels(w, h, 3, out);
    }

    /** Applies an EXIF orientation (1..8) so that the result displays upright. */
    Pixels oriented(int orientation) {
        if (orientation < 2 || orientation > 8) {
            return this;
        }
        boolean swap = orientation >= 5;
        int ow = swap ? height : width;
        int oh = swap ? width : height;
        int c = channels;
        byte[] out = new byte[data.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = width - 1 - x; sy = y; }
                    case 3 -> { sx = width - 1 - x; sy = height - 1 - y; }
                    case 4 -> { sx = x; sy = height - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = height - 1 - x; }
                    case 7 -> { sx = width - 1 - y; sy = height - 1 - x; }
                    default -> { sx = width - 1 - y; sy = x; }
                }
                System.arraycopy(data, (sy * width + sx) * c, out, (y * ow + x) * c, c);
            }
        }
        return new Pixels(ow, oh, c, out);
    }
}
