package org.gan4j.datasets.image.tools;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.gan4j.datasets.image.ImageFiles;

/**
 * Canny edge detector: Gaussian smoothing, Sobel gradients, non-maximum suppression along the gradient
 * direction, and hysteresis between two thresholds. Thresholds are relative: {@code high} is a quantile
 * of the suppressed gradient magnitudes (so the detector adapts to each photo's contrast), {@code low}
 * a fraction of it.
 *
 * @param sigma Gaussian sigma in pixels (default 1.5)
 * @param highQuantile quantile of the non-zero suppressed magnitudes used as the high threshold (default 0.8)
 * @param lowRatio low threshold as a fraction of the high one (default 0.4)
 */
public record EdgeDetector(double sigma, double highQuantile, double lowRatio) {

    public EdgeDetector {
        if (sigma <= 0 || highQuantile <= 0 || highQuantile >= 1 || lowRatio <= 0 || lowRatio > 1) {
            throw new IllegalArgumentException("need sigma > 0, 0 < highQuantile < 1, 0 < lowRatio <= 1");
        }
    }

    public static EdgeDetector defaults() {
        return new EdgeDetector(1.5, 0.8, 0.4);
    }

    /** Edge map of an image: black (0) edges on white (255), as edges2shoes' inputs, TYPE_BYTE_GRAY. */
    public BufferedImage edges(BufferedImage image) {
        BufferedImage gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image : toGray(image);
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] g = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        boolean[] edge = detect(g, w, h);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < o.length; i++) {
            o[i] = edge[i] ? 0 : (byte) 255;
        }
        return out;
    }

    private static BufferedImage toGray(BufferedImage image) {
        BufferedImage rgb = ImageFiles.resize(image, image.getWidth(), image.getHeight());
        if (rgb.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return rgb;
        }
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        BufferedImage g = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < o.length; i++) {
            int b = bgr[3 * i] & 0xff;
            int gg = bgr[3 * i + 1] & 0xff;
            int r = bgr[3 * i + 2] & 0xff;
            o[i] = (byte) ((r * 19595 + gg * 38470 + b * 7471 + 0x8000) >> 16);
        }
        return g;
    }

    /** Edge mask of an 8-bit gray image (row-major). */
    public boolean[] detect(byte[] gray, int w, int h) {
        float[] img = new float[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = gray[i] & 0xff;
        }
        float[] s = blur(img, w, h);
        float[] mag = new float[w * h];
        byte[] dir = new byte[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float gx = (s[i - w + 1] + 2 * s[i + 1] + s[i + w + 1]) - (s[i - w - 1] + 2 * s[i - 1] + s[i + w - 1]);
                float gy = (s[i + w - 1] + 2 * s[i + w] + s[i + w + 1]) - (s[i - w - 1] + 2 * s[i - w] + s[i - w + 1]);
                mag[i] = (float) Math.hypot(gx, gy);
                double a = Math.toDegrees(Math.atan2(gy, gx));
                if (a < 0) {
                    a += 180;
                }
                dir[i] = (byte) (a < 22.5 || a >= 157.5 ? 0 : a < 67.5 ? 1 : a < 112.5 ? 2 : 3);
            }
        }
        float[] nms = new float[w * h];
        int count = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float m = mag[i];
                if (m == 0) {
                    continue;
                }
                int d = switch (dir[i]) {
                    case 0 -> 1;            // gradient along x: compare left/right
                    case 1 -> w + 1;        // 45 degrees (y down): compare down-right/up-left
                    case 2 -> w;            // along y
                    default -> w - 1;       // 135 degrees
                };
                if (m >= mag[i - d] && m > mag[i + d]) {
                    nms[i] = m;
                    count++;
                }
            }
        }
        boolean[] edge = new boolean[w * h];
        if (count == 0) {
            return edge;
        }
        float[] vals = new float[count];
        int k = 0;
        for (float v : nms) {
            if (v > 0) {
                vals[k++] = v;
            }
        }
        Arrays.sort(vals);
        float high = Math.max(vals[(int) Math.min(count - 1, Math.floor(highQuantile * count))], 1e-3f);
        float low = (float) (lowRatio * high);
        int[] stack = new int[w * h];
        int sp = 0;
        for (int i = 0; i < nms.length; i++) {
            if (nms[i] >= high && !edge[i]) {
                edge[i] = true;
                stack[sp++] = i;
                while (sp > 0) {
                    int p = stack[--sp];
                    int px = p % w;
                    int py = p / w;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int qx = px + dx;
                            int qy = py + dy;
                            if (qx < 0 || qy < 0 || qx >= w || qy >= h) {
                                continue;
                            }
                            int q = qy * w + qx;
                            if (!edge[q] && nms[q] >= low) {
                                edge[q] = true;
                                stack[sp++] = q;
                            }
                        }
                    }
                }
            }
        }
        return edge;
    }

    private float[] blur(float[] img, int w, int h) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[w * h];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i));
                    v += k[i + r] * img[y * w + xx];
                }
                tmp[y * w + x] = v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    v += k[i + r] * tmp[yy * w + x];
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }
}
