package org.gan4j.datasets.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one image file into {@link Pixels}, turning every failure into a {@link BadImageException}. */
final class Decoder {
    private static final Logger LOG = LoggerFactory.getLogger(Decoder.class);
    private static final String FIX_REPLACE = "re-export or delete the file, or set skipBad to skip such files";
    static final String FIX_OPENCV = "add org.bytedeco:opencv:4.5.5-1.5.7 and its classifier linux-x86_64 to the class path"
            + " (with the CPU backend's javacpp and openblas natives), or use the TwelveMonkeys decoder (the default)";

    private static final ImageReaderSpi JDK_JPEG_SPI = find("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");
    private static final ImageReaderSpi TWELVEMONKEYS_SPI = twelveMonkeys();

    private Decoder() {}

    /** TwelveMonkeys' reader from the registry, where it found its JDK delegate when it was registered. */
    private static ImageReaderSpi twelveMonkeys() {
        String name = com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi.class.getName();
        ImageReaderSpi spi = find(name);
        if (spi == null) {
            IIORegistry.getDefaultInstance().registerServiceProvider(
                    new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi(), ImageReaderSpi.class);
            spi = find(name);
        }
        return spi;
    }

    private static ImageReaderSpi find(String className) {
        Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (it.hasNext()) {
            ImageReaderSpi spi = it.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        return null;
    }

    enum Format { JPEG, PNG, BMP, GIF, UNKNOWN }

    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Format.PNG;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return Format.BMP;
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Format.GIF;
        }
        return Format.UNKNOWN;
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadImageException(file, "file not found", "check the path; was the dataset changed while reading?");
        } catch (IOException e) {
            throw new BadImageException(file, "cannot read file: " + e, "check permissions and the disk");
        }
    }

    /**
     * Fails with a clear message if {@code jpeg} cannot be used on this machine (the optional OpenCV jar is
     * missing or its natives do not load); a no-op for the built-in decoders.
     */
    static void requireAvailable(JpegDecoder jpeg) {
        if (jpeg != JpegDecoder.OPENCV) {
            return;
        }
        try {
            OpenCvJpeg.check();
        } catch (LinkageError e) {
            throw new IllegalStateException("the OpenCV JPEG decoder is not on the class path (" + e + "); fix: " + FIX_OPENCV, e);
        }
    }

    static Pixels decode(Path file, JpegDecoder jpeg, boolean exif) {
        return decode(file, readBytes(file), jpeg, exif);
    }

    static Pixels decode(Path file, byte[] bytes, JpegDecoder jpeg, boolean exif) {
        if (bytes.length == 0) {
            throw new BadImageException(file, "empty file (0 bytes)", FIX_REPLACE);
        }
        Format format = sniff(bytes);
        if (format == Format.UNKNOWN) {
            throw new BadImageException(file, "not an image: content is not JPEG, PNG, BMP or GIF (starts with "
                    + hex(bytes, 8) + ")", "remove it from the folder or convert it to PNG/JPEG");
        }
        if (format == Format.JPEG && !jpegComplete(bytes)) {
            throw new BadImageException(file, "truncated JPEG: no end-of-image marker after the last scan", FIX_REPLACE);
        }
        Pixels p = null;
        if (format == Format.JPEG && jpeg == JpegDecoder.OPENCV) {
            requireAvailable(jpeg);
            p = OpenCvJpeg.decode(bytes);
        }
        if (p == null) {
            // the built-in decoders, and TwelveMonkeys for any JPEG that libjpeg-turbo refuses
            p = pixels(file, read(file, bytes, format, jpeg == JpegDecoder.OPENCV ? JpegDecoder.TWELVEMONKEYS : jpeg));
        }
        if (exif && format == Format.JPEG) {
            p = p.oriented(Exif.orientation(bytes));
        }
        return p;
    }

    private static Pixels pixels(Path file, BufferedImage img) {
        if (img.getWidth() < 1 || img.getHeight() < 1) {
            throw new BadImageException(file, "image has no pixels", FIX_REPLACE);
        }
        try {
            return Pixels.of(img);
        } catch (RuntimeException e) {
            throw new BadImageException(file, "unsupported pixel layout (" + img + "): " + e, "convert it to 8-bit RGB PNG or JPEG");
        }
    }

    private static BufferedImage read(Path file, byte[] bytes, Format format, JpegDecoder jpeg) {
        ImageReader reader = null;
        List<String> warnings = new ArrayList<>(1);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            if (format == Format.JPEG) {
                ImageReaderSpi spi = jpeg == JpegDecoder.IMAGEIO && JDK_JPEG_SPI != null ? JDK_JPEG_SPI : TWELVEMONKEYS_SPI;
                reader = spi.createReaderInstance();
            } else {
                Iterator<ImageReader> it = ImageIO.getImageReaders(in);
                if (!it.hasNext()) {
                    throw new BadImageException(file, "no ImageIO reader for " + format, "convert it to PNG or JPEG");
                }
                reader = it.next();
            }
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(in, true, true);
            BufferedImage img = reader.read(0);
            for (String w : warnings) {
                String lw = w.toLowerCase(java.util.Locale.ROOT);
                if (lw.contains("premature end") || lw.contains("truncat") || lw.contains("corrupt")) {
                    throw new BadImageException(file, "corrupt image: " + w, FIX_REPLACE);
                }
                LOG.warn("{}: decoder warning: {}", file, w);
            }
            return img;
        } catch (BadImageException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (format == Format.JPEG && jpeg == JpegDecoder.IMAGEIO && msg.contains("Unsupported Image Type")) {
                throw new BadImageException(file, "the JDK's JPEG reader cannot read this JPEG (CMYK/YCCK?): " + msg,
                        "use the TwelveMonkeys JPEG decoder (the default)");
            }
            throw new BadImageException(file, "corrupt or unreadable " + format + ": " + msg, FIX_REPLACE);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /** True if a JPEG has an end-of-image marker (FFD9) after its last start-of-scan (FFDA). */
    static boolean jpegComplete(byte[] b) {
        int lastSos = -1;
        for (int i = 2; i < b.length - 1; i++) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xDA) {
                lastSos = i;
            }
        }
        if (lastSos < 0) {
            return false;
        }
        for (int i = b.length - 2; i > lastSos; i--) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
