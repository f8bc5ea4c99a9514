package org.gan4j.datasets.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Listing, reading and writing image files the way the datasets do. */
public final class ImageFiles {
    /** File name extensions taken as images (case-insensitive). */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private ImageFiles() {}

    /** True if the file name has an image extension. */
    public static boolean isImageName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The image files directly in {@code dir}, sorted by name; other files are ignored.
     *
     * @throws DatasetException if the folder is missing or holds no image
     */
    public static List<Path> list(Path dir) {
        List<Path> images = new ArrayList<>();
        for (Path p : entries(dir)) {
            if (isImageName(p) && !p.getFileName().toString().startsWith(".")) {
                images.add(p);
            }
        }
        if (images.isEmpty()) {
            throw new DatasetException(dir, "no images (" + String.join("/", EXTENSIONS) + ") in this folder",
                    "put the images directly in this folder (not in subfolders)");
        }
        return images;
    }

    /** Regular files directly in {@code dir} that are not taken as images, sorted by name. */
    public static List<Path> nonImages(Path dir) {
        List<Path> other = new ArrayList<>();
        for (Path p : entries(dir)) {
            if (!isImageName(p) || p.getFileName().toString().startsWith(".")) {
                other.add(p);
            }
        }
        return other;
    }

    private static List<Path> entries(Path dir) {
        if (!Files.exists(dir)) {
            throw new DatasetException(dir, "folder not found", "check the dataset root and layout (see docs/datasets.md)");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, "not a folder", "give the folder that holds the images");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list folder: " + e, "check permissions");
        }
    }

    /**
     * Reads an image as the datasets do: 8-bit gray (TYPE_BYTE_GRAY) or RGB (TYPE_3BYTE_BGR), 16-bit
     * scaled to 8, alpha dropped, CMYK converted, EXIF orientation applied.
     *
     * @throws BadImageException naming the file and the fix if it cannot be read
     */
    public static BufferedImage read(Path file) {
        return read(file, JpegDecoder.TWELVEMONKEYS);
    }

    /** {@link #read(Path)} with a chosen JPEG decoder. */
    public static BufferedImage read(Path file, JpegDecoder decoder) {
        return Decoder.decode(file, decoder, true).toImage();
    }

    /**
     * Decodes {@code file} as the datasets do, without converting the pixels to a BufferedImage, and
     * returns the number of pixels (width x height): for decoder benchmarks.
     *
     * @throws BadImageException naming the file and the fix if it cannot be read
     */
    public static long decodePixels(Path file, JpegDecoder decoder) {
        Pixels p = Decoder.decode(file, decoder, true);
        return (long) p.width() * p.height();
    }

    /**
     * Resizes to {@code w x h} with the datasets' bicubic filter (antialiased when shrinking); the result
     * is TYPE_BYTE_GRAY for gray input, TYPE_3BYTE_BGR otherwise.
     */
    public static BufferedImage resize(BufferedImage image, int w, int h) {
        Pixels p = Pixels.of(image);
        float[] chw = new float[p.channels() * w * h];
        Resampler.resizeCropFlip(p, w, h, 0, 0, w, h, false, chw, 0);
        byte[] out = new byte[chw.length];
        int plane = w * h;
        for (int c = 0; c < p.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                out[i * p.channels() + c] = (byte) org.gan4j.core.image.ImageTensors.toPixel(chw[c * plane + i]);
            }
        }
        return new Pixels(w, h, p.channels(), out).toImage();
    }

    /** The largest centred square of {@code image}, resized to {@code size x size}. */
    public static BufferedImage centreSquare(BufferedImage image, int size) {
        int s = Math.min(image.getWidth(), image.getHeight());
        BufferedImage sq = image.getSubimage((image.getWidth() - s) / 2, (image.getHeight() - s) / 2, s, s);
        return resize(sq, size, size);
    }

    /**
     * Writes an image; the format follows the extension (jpg/jpeg at quality 0.95, png, bmp). Parent
     * folders are created.
     */
    public static void write(BufferedImage image, Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = n.endsWith(".png") ? "png" : n.endsWith(".bmp") ? "bmp" : (n.endsWith(".jpg") || n.endsWith(".jpeg")) ? "jpeg" : null;
        if (format == null) {
            throw new IllegalArgumentException(file + ": unknown image extension (use .png, .jpg or .bmp)");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            BufferedImage img = image;
            if (!format.equals("png") && img.getColorModel().hasAlpha()) {
                img = Pixels.of(image).toImage();
            }
            if (format.equals("jpeg")) {
                ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (OutputStream os = Files.newOutputStream(file);
                        ImageOutputStream out = new MemoryCacheImageOutputStream(os)) {
                    ImageWriteParam p = w.getDefaultWriteParam();
                    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    p.setCompressionQuality(0.95f);
                    w.setOutput(out);
                    w.write(null, new IIOImage(img, null, null), p);
                } finally {
                    w.dispose();
                }
            } else if (!ImageIO.write(img, format, file.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write image: " + e.getMessage(), e);
        }
    }
}
