package org.gan4j.datasets.image;

import org.gan4j.core.image.ImageTensors;

/**
 * Resize + crop + horizontal flip in one separable pass, straight into a CHW float array in [-1, 1].
 * The filter is PIL's bicubic (a = -0.5) with the support widened when shrinking (antialiasing), as
 * torchvision's Resize(BICUBIC) on PIL images does. Equal input and output sizes copy pixels exactly.
 */
final class Resampler {
    private static final double SUPPORT = 2.0;

    private Resampler() {}

    /** Filter taps for output positions {@code from .. from + n - 1} (reversed if {@code reverse}). */
    record Taps(int[] start, int[] count, float[] weights, int stride) {
        boolean identity() {
            return stride == 1;
        }
    }

    static Taps taps(int in, int out, int from, int n, boolean reverse) {
        int[] start = new int[n];
        int[] count = new int[n];
        if (in == out) {
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                start[i] = from + (reverse ? n - 1 - i : i);
                count[i] = 1;
                w[i] = 1f;
            }
            return new Taps(start, count, w, 1);
        }
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        float[] weights = new float[n * stride];
        double[] k = new double[stride];
        for (int i = 0; i < n; i++) {
            int xx = from + (reverse ? n - 1 - i : i);
            double center = (xx + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
            double sum = 0;
            for (int x = 0; x < xmax; x++) {
                double w = cubic((x + xmin - center + 0.5) / filterScale);
                k[x] = w;
                sum += w;
            }
            for (int x = 0; x < xmax; x++) {
                weights[i * stride + x] = (float) (sum == 0 ? 0 : k[x] / sum);
            }
            start[i] = xmin;
            count[i] = xmax;
        }
        return new Taps(start, count, weights, stride);
    }

    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /**
     * Resizes {@code src} to {@code rw x rh}, takes the window {@code (x0, y0, cw, ch)} of the result,
     * optionally mirrored left-right, and writes it as CHW floats in [-1, 1] into {@code out} at {@code offset}.
     */
    static void resizeCropFlip(Pixels src, int rw, int rh, int x0, int y0, int cw, int ch, boolean flip,
            float[] out, int offset) {
        int c = src.channels();
        int w = src.width();
        byte[] px = src.data();
        Taps hx = taps(w, rw, x0, cw, flip);
        Taps vy = taps(src.height(), rh, y0, ch, false);
        int plane = cw * ch;
        if (hx.identity() && vy.identity()) {
            for (int j = 0; j < ch; j++) {
                int sy = vy.start[j];
                for (int i = 0; i < cw; i++) {
                    int s = (sy * w + hx.start[i]) * c;
                    int d = offset + j * cw + i;
                    for (int k = 0; k < c; k++) {
                        out[d + k * plane] = ImageTensors.toUnit(px[s + k] & 0xff);
                    }
                }
            }
            return;
        }
        int rowMin = vy.start[0];
        int rowMax = 0;
        for (int j = 0; j < ch; j++) {
            rowMin = Math.min(rowMin, vy.start[j]);
            rowMax = Math.max(rowMax, vy.start[j] + vy.count[j]);
        }
        int rows = rowMax - rowMin;
        float[] tmp = new float[rows * cw * c];
        float[] acc = new float[c];
        for (int r = 0; r < rows; r++) {
            int rowBase = (rowMin + r) * w;
            int t = r * cw * c;
            for (int i = 0; i < cw; i++) {
                java.util.Arrays.fill(acc, 0f);
                int s0 = hx.start[i];
                int wb = i * hx.stride;
                for (int k = 0, n = hx.count[i]; k < n; k++) {
                    float wt = hx.weights[wb + k];
                    int s = (rowBase + s0 + k) * c;
                    for (int q = 0; q < c; q++) {
                        acc[q] += wt * (px[s + q] & 0xff);
                    }
                }
                for (int q = 0; q < c; q++) {
                    tmp[t + i * c + q] = acc[q];
                }
            }
        }
        int rowLen = cw * c;
        for (int j = 0; j < ch; j++) {
            int r0 = vy.start[j] - rowMin;
            int wb = j * vy.stride;
            int n = vy.count[j];
            for (int i = 0; i < rowLen; i++) {
                float v = 0f;
                for (int k = 0; k < n; k++) {
                    v += vy.weights[wb + k] * tmp[(r0 + k) * rowLen + i];
                }
                int p = Math.round(v);
                p = p < 0 ? 0 : (p > 255 ? 255 : p);
                int x = i / c;
                int q = i - x * c;
                out[offset + q * plane + j * cw + x] = ImageTensors.toUnit(p);
            }
        }
    }
}
