package org.gan4j.core.image;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Full-reference image quality between two images of the same shape, computed as on the saved 8-bit
 * images: tensors in [-1, 1] are first quantised to pixel values 0..255 (as {@link ImageTensors#toPixel})
 * and scaled to [0, 1].
 *
 * <ul>
 *   <li>{@link #l1}: mean absolute difference, in [0, 1].</li>
 *   <li>{@link #psnr}: 10 log10(1 / MSE) in dB (data range 1); {@code Double.POSITIVE_INFINITY} for identical images.</li>
 *   <li>{@link #ssim}: Wang et al. 2004 with an 11x11 Gaussian window (sigma 1.5), K1 0.01, K2 0.03, data range
 *   1, population statistics, averaged over the window positions that fit inside the image and over
 *   channels (scikit-image's {@code structural_similarity(..., gaussian_weights=True, sigma=1.5,
 *   use_sample_covariance=False, data_range=1)} up to its border handling). Images smaller than 11 pixels
 *   use the largest odd window that fits.</li>
 * </ul>
 * Each takes one image, [C, H, W] or [1, C, H, W].
 */
public final class ImageMetrics {
    private ImageMetrics() {}

    /** Mean absolute difference on the [0, 1] scale. */
    public static double l1(INDArray x, INDArray y) {
        double[][] p = pixels(x, y);
        double s = 0;
        for (int i = 0; i < p[0].length; i++) {
            s += Math.abs(p[0][i] - p[1][i]);
        }
        return s / p[0].length;
    }

    /** Peak signal-to-noise ratio in dB for data range 1. */
    public static double psnr(INDArray x, INDArray y) {
        double[][] p = pixels(x, y);
        double s = 0;
        for (int i = 0; i < p[0].length; i++) {
            double d = p[0][i] - p[1][i];
            s += d * d;
        }
        double mse = s / p[0].length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / mse);
    }

    /** Mean structural similarity over channels (1 for identical images). */
    public static double ssim(INDArray x, INDArray y) {
        long[] shape = chw(x);
        int c = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        double[][] p = pixels(x, y);
        int win = Math.min(11, Math.min(h, w));
        if (win % 2 == 0) {
            win--;
        }
        double[] g = gaussian(win, 1.5);
        double total = 0;
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            double[] a = Arrays.copyOfRange(p[0], ch * plane, (ch + 1) * plane);
            double[] b = Arrays.copyOfRange(p[1], ch * plane, (ch + 1) * plane);
            double[] aa = new double[plane];
            double[] bb = new double[plane];
            double[] ab = new double[plane];
            for (int i = 0; i < plane; i++) {
                aa[i] = a[i] * a[i];
                bb[i] = b[i] * b[i];
                ab[i] = a[i] * b[i];
            }
            double[] muA = filter(a, h, w, g);
            double[] muB = filter(b, h, w, g);
            double[] sAA = filter(aa, h, w, g);
            double[] sBB = filter(bb, h, w, g);
            double[] sAB = filter(ab, h, w, g);
            double c1 = 0.01 * 0.01;
            double c2 = 0.03 * 0.03;
            double sum = 0;
            for (int i = 0; i < muA.length; i++) {
                double ma = muA[i];
                double mb = muB[i];
                double va = sAA[i] - ma * ma;
                double vb = sBB[i] - mb * mb;
                double cov = sAB[i] - ma * mb;
                sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            }
            total += sum / muA.length;
        }
        return total / c;
    }

    /** PSNR reported for identical images, whose PSNR is infinite, when averaging over images. */
    public static final double PSNR_CAP = 100;

    /**
     * Mean {@link #l1}, {@link #psnr} (each image's capped at {@value #PSNR_CAP} dB) and {@link #ssim} over a batch
     * of image pairs: {@code x[i]} against {@code y[i]}, both NCHW of the same size. If their channels differ (a
     * 1-channel input against a 3-channel target, the identity baseline of a translation), {@code x} is
     * converted to {@code y}'s channels first ({@link ImageTensors#withChannels}).
     *
     * @return {mean L1, mean PSNR (dB), mean SSIM}
     */
    public static double[] meanOverBatch(INDArray x, INDArray y) {
        if (x.rank() != 4 || y.rank() != 4 || x.size(0) != y.size(0) || x.size(0) == 0) {
            throw new IllegalArgumentException("expected two non-empty NCHW batches of the same length, got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        x = ImageTensors.withChannels(x, (int) y.size(1));
        long n = x.size(0);
        double[] sums = new double[3];
        for (long i = 0; i < n; i++) {
            INDArray a = x.slice(i);
            INDArray b = y.slice(i);
            sums[0] += l1(a, b);
            sums[1] += Math.min(psnr(a, b), PSNR_CAP);
            sums[2] += ssim(a, b);
        }
        for (int k = 0; k < 3; k++) {
            sums[k] /= n;
        }
        return sums;
    }

    /** Separable "valid" filtering: (h - k + 1) x (w - k + 1) outputs. */
    private static double[] filter(double[] img, int h, int w, double[] k) {
        int n = k.length;
        int ow = w - n + 1;
        int oh = h - n + 1;
        double[] rows = new double[h * ow];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += k[j] * img[y * w + x + j];
                }
                rows[y * ow + x] = s;
            }
        }
        double[] out = new double[oh * ow];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += k[j] * rows[(y + j) * ow + x];
                }
                out[y * ow + x] = s;
            }
        }
        return out;
    }

    private static double[] gaussian(int size, double sigma) {
        double[] g = new double[size];
        double sum = 0;
        int r = size / 2;
        for (int i = 0; i < size; i++) {
            g[i] = Math.exp(-((i - r) * (i - r)) / (2 * sigma * sigma));
            sum += g[i];
        }
        for (int i = 0; i < size; i++) {
            g[i] /= sum;
        }
        return g;
    }

    private static long[] chw(INDArray t) {
        long[] s = t.shape();
        if (s.length == 4 && s[0] == 1) {
            return new long[] {s[1], s[2], s[3]};
        }
        if (s.length == 3) {
            return s;
        }
        throw new IllegalArgumentException("expected one image [C, H, W] or [1, C, H, W], got " + Arrays.toString(s));
    }

    private static double[][] pixels(INDArray x, INDArray y) {
        if (!Arrays.equals(chw(x), chw(y))) {
            throw new IllegalArgumentException("images differ in shape: " + Arrays.toString(x.shape()) + " vs "
                    + Arrays.toString(y.shape()));
        }
        return new double[][] {quantised(x), quantised(y)};
    }

    private static double[] quantised(INDArray t) {
        float[] v = t.castTo(DataType.FLOAT).dup('c').data().asFloat();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ImageTensors.toPixel(v[i]) / 255.0;
        }
        return out;
    }
}
