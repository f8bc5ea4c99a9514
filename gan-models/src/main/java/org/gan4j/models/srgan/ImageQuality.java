package org.gan4j.models.srgan;

import java.awt.image.BufferedImage;

/**
 * PSNR and SSIM as super-resolution papers report them: on the luma channel Y of ITU-R BT.601
 * ({@code Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255} for 0..255 RGB, rounded to 8 bits as MATLAB's
 * {@code rgb2ycbcr} does for uint8 images), with {@code border} pixels (the scale factor, 4) cropped on every
 * side. PSNR uses a peak of 255. SSIM is Wang et al. 2004 ({@code ssim_index.m}): 11x11 Gaussian window
 * with sigma 1.5, K1 = 0.01, K2 = 0.03, L = 255, only windows fully inside the image ("valid"), the mean of
 * the SSIM map; no downsampling.
 */
public final class ImageQuality {
    private ImageQuality() {}

    /** Luma of an RGB image as above: [h][w] values in 16..235. */
    public static double[][] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] y = new double[h][w];
        int[] row = new int[w];
        for (int j = 0; j < h; j++) {
            image.getRGB(0, j, w, 1, row, 0, w);
            for (int i = 0; i < w; i++) {
                int rgb = row[i];
                double v = 16 + (65.481 * ((rgb >> 16) & 0xff) + 128.553 * ((rgb >> 8) & 0xff) + 24.966 * (rgb & 0xff)) / 255;
                y[j][i] = Math.rint(v);
            }
        }
        return y;
    }

    /** PSNR in dB between the lumas of two same-sized images, {@code border} pixels cropped; infinite if equal. */
    public static double psnr(BufferedImage a, BufferedImage b, int border) {
        return psnr(luma(a), luma(b), border);
    }

    /** SSIM between the lumas of two same-sized images, {@code border} pixels cropped. */
    public static double ssim(BufferedImage a, BufferedImage b, int border) {
        return ssim(luma(a), luma(b), border);
    }

    /** PSNR (peak 255) of two equally sized planes after cropping {@code border}. */
    public static double psnr(double[][] a, double[][] b, int border) {
        double[][] x = crop(a, border, b);
        double[][] y = crop(b, border, a);
        double sum = 0;
        long n = 0;
        for (int j = 0; j < x.length; j++) {
            for (int i = 0; i < x[j].length; i++) {
                double d = x[j][i] - y[j][i];
                sum += d * d;
                n++;
            }
        }
        double mse = sum / n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** SSIM (L = 255) of two equally sized planes after cropping {@code border}; needs at least 11x11 left. */
    public static double ssim(double[][] a, double[][] b, int border) {
        double[][] x = crop(a, border, b);
        double[][] y = crop(b, border, a);
        int h = x.length;
        int w = x[0].length;
        if (h < 11 || w < 11) {
            throw new IllegalArgumentException("SSIM needs at least 11x11 pixels after the border crop, got " + w + "x" + h);
        }
        double[][] win = gaussian(11, 1.5);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double total = 0;
        int count = 0;
        for (int j = 0; j + 11 <= h; j++) {
            for (int i = 0; i + 11 <= w; i++) {
                double mx = 0;
                double my = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                for (int v = 0; v < 11; v++) {
                    for (int u = 0; u < 11; u++) {
                        double g = win[v][u];
                        double p = x[j + v][i + u];
                        double q = y[j + v][i + u];
                        mx += g * p;
                        my += g * q;
                        sxx += g * p * p;
                        syy += g * q * q;
                        sxy += g * p * q;
                    }
                }
                double vx = sxx - mx * mx;
                double vy = syy - my * my;
                double cov = sxy - mx * my;
                total += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                count++;
            }
        }
        return total / count;
    }

    static double[][] gaussian(int size, double sigma) {
        double[][] g = new double[size][size];
        double sum = 0;
        int r = size / 2;
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                g[j][i] = Math.exp(-((i - r) * (i - r) + (j - r) * (j - r)) / (2 * sigma * sigma));
                sum += g[j][i];
            }
        }
        for (double[] row : g) {
            for (int i = 0; i < size; i++) {
                row[i] /= sum;
            }
        }
        return g;
    }

    private static double[][] crop(double[][] p, int border, double[][] other) {
        if (p.length != other.length || p[0].length != other[0].length) {
            throw new IllegalArgumentException("images differ in size: " + p[0].length + "x" + p.length + " and "
                    + other[0].length + "x" + other.length);
        }
        int h = p.length - 2 * border;
        int w = p[0].length - 2 * border;
        if (border < 0 || h < 1 || w < 1) {
            throw new IllegalArgumentException("border " + border + " leaves nothing of " + p[0].length + "x" + p.length);
        }
        double[][] out = new double[h][];
        for (int j = 0; j < h; j++) {
            out[j] = java.util.Arrays.copyOfRange(p[j + border], border, border + w);
        }
        return out;
    }
}
