package org.gan4j.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between images and the tensors the networks use: NCHW float in [-1, 1], channel
 * order RGB, 1 channel for grayscale.
 */
public final class ImageTensors {
    private ImageTensors() {}

    /** Pixel value 0..255 to [-1, 1]. */
    public static float toUnit(int v) {
        return v / 127.5f - 1f;
    }

    /** [-1, 1] to a pixel value 0..255, clamped and rounded. */
    public static int toPixel(float v) {
        int p = Math.round((v + 1f) * 127.5f);
        return p < 0 ? 0 : (p > 255 ? 255 : p);
    }

    /**
     * Converts one image to a [channels, H, W] float array in [-1, 1].
     *
     * <p>An 8-bit grayscale image ({@code TYPE_BYTE_GRAY}, as {@link #toImage} and PNG readers give) is
     * read from its raster: its stored values are the pixel values ({@code getRGB} would pass them through
     * a linear-to-sRGB conversion and brighten them, 128 becoming 188).
     *
     * @param channels 1 (luma, BT.601 weights) or 3 (RGB); alpha is dropped
     */
    public static float[] toChw(BufferedImage image, int channels) {
        checkChannels(channels);
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[channels * h * w];
        int plane = h * w;
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] gray = image.getRaster().getSamples(0, 0, w, h, 0, new int[plane]);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < plane; i++) {
                    out[c * plane + i] = toUnit(gray[i]);
                }
            }
            return out;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int i = y * w + x;
                if (channels == 1) {
                    out[i] = toUnit(Math.round(0.299f * r + 0.587f * g + 0.114f * b));
                } else {
                    out[i] = toUnit(r);
                    out[plane + i] = toUnit(g);
                    out[2 * plane + i] = toUnit(b);
                }
            }
        }
        return out;
    }

    /** One image as a [1, channels, H, W] tensor in [-1, 1]. */
    public static INDArray toTensor(BufferedImage image, int channels) {
        float[] chw = toChw(image, channels);
        return Nd4j.create(chw, new long[] {1, channels, image.getHeight(), image.getWidth()}, 'c');
    }

    /**
     * Converts one image tensor ([C,H,W], [1,C,H,W] or [H,W]; C = 1 or 3; values in [-1, 1]) to a
     * BufferedImage: grayscale for one channel, RGB for three.
     */
    public static BufferedImage toImage(INDArray tensor) {
        INDArray t = tensor;
        if (t.rank() == 4) {
            if (t.size(0) != 1) {
                throw new IllegalArgumentException("expected one image, got a batch of " + t.size(0));
            }
            t = t.reshape(t.size(1), t.size(2), t.size(3));
        } else if (t.rank() == 2) {
            t = t.reshape(1, t.size(0), t.size(1));
        } else if (t.rank() != 3) {
            throw new IllegalArgumentException("expected an image tensor of rank 2, 3 or 4, got shape "
                    + java.util.Arrays.toString(tensor.shape()));
        }
        int c = (int) t.size(0);
        int h = (int) t.size(1);
        int w = (int) t.size(2);
        checkChannels(c);
        float[] v = t.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int plane = h * w;
        if (c == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < plane; i++) {
                px[i] = (byte) toPixel(v[i]);
            }
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = img.getRaster();
        int[] pixel = new int[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                pixel[0] = toPixel(v[i]);
                pixel[1] = toPixel(v[plane + i]);
                pixel[2] = toPixel(v[2 * plane + i]);
                raster.setPixel(x, y, pixel);
            }
        }
        return img;
    }

    /**
     * A batch NCHW with {@code channels} channels: unchanged if it has them, the grey channel repeated for a
     * 1-channel batch asked for 3, the channel mean (not the BT.601 luma: the tensors may be any values) for a
     * 3-channel batch asked for 1. Used to compare images of two domains with different channels.
     */
    public static INDArray withChannels(INDArray nchw, int channels) {
        checkChannels(channels);
        long c = nchw.size(1);
        if (c == channels) {
            return nchw;
        }
        return c == 1 ? Nd4j.concat(1, nchw, nchw, nchw) : nchw.mean(true, 1);
    }

    private static void checkChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
    }
}
