package org.gan4j.datasets.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small images with known pixels, written with real encoders. */
final class TestImages {
    private TestImages() {}

    /** RGB image with R = x + dx, G = y, B = blue. */
    static BufferedImage coords(int w, int h, int dx, int blue) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x + dx) & 0xff) << 16 | (y & 0xff) << 8 | (blue & 0xff));
            }
        }
        return img;
    }

    /** Side-by-side pair: left R = x, right R = x as well (relative to its half); B = 10 left, 200 right. */
    static BufferedImage pair(int half, int h) {
        BufferedImage img = new BufferedImage(2 * half, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < 2 * half; x++) {
                int hx = x % half;
                int blue = x < half ? 10 : 200;
                img.setRGB(x, y, hx << 16 | y << 8 | blue);
            }
        }
        return img;
    }

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    static Path png(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static byte[] jpegBytes(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        }
        w.dispose();
        return bos.toByteArray();
    }

    static Path jpeg(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, jpegBytes(img, false));
        return file;
    }

    /** 0..255 value of a [-1, 1] tensor element. */
    static int px(INDArray t, int n, int c, int y, int x) {
        return Math.round((t.getFloat(n, c, y, x) + 1f) * 127.5f);
    }

    static LoadOptions load(int workers) {
        return LoadOptions.defaults().withWorkers(workers);
    }
}
