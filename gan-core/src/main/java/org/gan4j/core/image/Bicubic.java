package org.gan4j.core.image;

import java.awt.image.BufferedImage;

/**
 * Bicubic resizing as MATLAB's {@code imresize(I, [h w], 'bicubic')}, which the super-resolution papers
 * (SRCNN, SRResNet/SRGAN, EDSR) use to make low-resolution inputs and bicubic baselines: Keys' cubic with
 * a = -0.5, the kernel widened by 1/scale when shrinking (antialiasing), sample positions
 * {@code u = x/scale + 0.5 (1 - 1/scale)} (1-based), symmetric (mirror) padding at the borders, rows (height)
 * first, then columns. For 8-bit images each pass is rounded and clamped to 0..255, as MATLAB keeps the
 * uint8 class between its two passes.
 *
 * <p>How close: the formulas are those of MATLAB's {@code imresize.m} ({@code contributions}, {@code cubic});
 * no MATLAB was available to compare bit for bit. Compared with PIL's/torchvision's bicubic (used by
 * {@code gan-datasets}' transforms) the interior weights are the same; PIL renormalises the clipped kernel at
 * the borders instead of mirroring, and rounds only once.
 */
public final class Bicubic {
    private Bicubic() {}

    /** Filter taps for resizing a line of {@code in} samples to {@code out}: indices and weights per output sample. */
    record Taps(int[][] index, double[][] weight) {}

    static Taps taps(int in, int out) {
        double scale = (double) out / in;
        boolean shrink = scale < 1;
        double width = shrink ? 4.0 / scale : 4.0;
        int p = (int) Math.ceil(width) + 2;
        int[][] index = new int[out][];
        double[][] weight = new double[out][];
        for (int x = 1; x <= out; x++) {
            double u = x / scale + 0.5 * (1 - 1 / scale);
            int left = (int) Math.floor(u - width / 2);
            double[] w = new double[p];
            int[] idx = new int[p];
            double sum = 0;
            for (int k = 0; k < p; k++) {
                int j = left + k;
                double d = u - j;
                w[k] = shrink ? scale * cubic(scale * d) : cubic(d);
                sum += w[k];
                idx[k] = mirror(j, in) - 1;
            }
            for (int k = 0; k < p; k++) {
                w[k] /= sum;
            }
            index[x - 1] = idx;
            weight[x - 1] = w;
        }
        return new Taps(index, weight);
    }

    /** MATLAB's aux = [1:n, n:-1:1] indexing: symmetric padding, 1-based. */
    private static int mirror(int j, int n) {
        int period = 2 * n;
        int m = Math.floorMod(j - 1, period);
        return m < n ? m + 1 : period - m;
    }

    static double cubic(double x) {
        double a = Math.abs(x);
        double a2 = a * a;
        double a3 = a2 * a;
        if (a <= 1) {
            return 1.5 * a3 - 2.5 * a2 + 1;
        }
        if (a <= 2) {
            return -0.5 * a3 + 2.5 * a2 - 4 * a + 2;
        }
        return 0;
    }

    /**
     * The resize of a line of {@code in} samples to {@code out} as a dense {@code out x in} matrix (borders
     * mirrored into it): {@code resized = matrix . line}, without 8-bit rounding.
     */
    public static double[][] matrix(int in, int out) {
        Taps t = taps(in, out);
        double[][] m = new double[out][in];
        for (int i = 0; i < out; i++) {
            for (int k = 0; k < t.index[i].length; k++) {
                m[i][t.index[i][k]] += t.weight[i][k];
            }
        }
        return m;
    }

    /**
     * Resizes planar images ({@code channels} planes of {@code h x w}, row-major) to {@code outH x outW}.
     *
     * @param eightBit round and clamp each pass to 0..255 (MATLAB on uint8 images); otherwise plain doubles
     */
    public static double[] resize(double[] planes, int channels, int h, int w, int outH, int outW, boolean eightBit) {
        if (planes.length != (long) channels * h * w) {
            throw new IllegalArgumentException("expected " + channels + "x" + h + "x" + w + " values, got " + planes.length);
        }
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + outW + "x" + outH);
        }
        // rows (height) first, as MATLAB does for equal scales
        double[] tmp = new double[channels * outH * w];
        Taps ty = taps(h, outH);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                int[] idx = ty.index[y];
                double[] wt = ty.weight[y];
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int k = 0; k < idx.length; k++) {
                        v += wt[k] * planes[(c * h + idx[k]) * w + x];
                    }
                    tmp[(c * outH + y) * w + x] = eightBit ? to8(v) : v;
                }
            }
        }
        double[] out = new double[channels * outH * outW];
        Taps tx = taps(w, outW);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                int row = (c * outH + y) * w;
                for (int x = 0; x < outW; x++) {
                    int[] idx = tx.index[x];
                    double[] wt = tx.weight[x];
                    double v = 0;
                    for (int k = 0; k < idx.length; k++) {
                        v += wt[k] * tmp[row + idx[k]];
                    }
                    out[(c * outH + y) * outW + x] = eightBit ? to8(v) : v;
                }
            }
        }
        return out;
    }

    private static double to8(double v) {
        double r = Math.rint(v);
        return r < 0 ? 0 : (r > 255 ? 255 : r);
    }

    /** Resizes an 8-bit RGB image (alpha dropped) to {@code outW x outH}, as MATLAB's imresize on uint8. */
    public static BufferedImage resize(BufferedImage image, int outW, int outH) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] out = resize(rgbPlanes(image), 3, h, w, outH, outW, true);
        return fromRgbPlanes(out, outW, outH);
    }

    /** The image as three planes (R, G, B) of 0..255 values. */
    public static double[] rgbPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        double[] p = new double[3 * plane];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int i = y * w + x;
                p[i] = (rgb >> 16) & 0xff;
                p[plane + i] = (rgb >> 8) & 0xff;
                p[2 * plane + i] = rgb & 0xff;
            }
        }
        return p;
    }

    /** Three planes of 0..255 values (rounded and clamped here) as an RGB image. */
    public static BufferedImage fromRgbPlanes(double[] planes, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = w * h;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                row[x] = ((int) to8(planes[i]) << 16) | ((int) to8(planes[plane + i]) << 8) | (int) to8(planes[2 * plane + i]);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }
}
