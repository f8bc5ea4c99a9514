package org.gan4j.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional libjpeg-turbo decoder (OpenCV) against TwelveMonkeys, the reference. */
class OpenCvDecoderTest {
    /**
     * Largest per-sample difference allowed. libjpeg-turbo and the JDK's libjpeg 6b (which TwelveMonkeys
     * delegates to) both default to the exact integer IDCT and fancy upsampling, and libjpeg-turbo keeps
     * 6b's output for those: measured bit-identical on the 12 mate-backgrounds photos and 40 demo tiles
     * (docs/datasets.md); one level is left for rounding in colour conversion, which the standard allows.
     */
    static final int TOLERANCE = 1;

    @TempDir
    Path dir;

    /** A photo-like image: smooth gradients, sharp edges and noise, of a size that is not a multiple of 16. */
    static BufferedImage photo(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (x * 255 / w + r.nextInt(24)) & 0xff;
                int green = (int) (127 + 120 * Math.sin(x * 0.21 + y * 0.13));
                int blue = (x - w / 2) * (x - w / 2) + (y - h / 3) * (y - h / 3) < h * h / 9 ? 230 : 20 + r.nextInt(30);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int[] diff(Pixels a, Pixels b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        assertEquals(a.channels(), b.channels());
        int max = 0;
        long sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            int d = Math.abs((a.data()[i] & 0xff) - (b.data()[i] & 0xff));
            max = Math.max(max, d);
            sum += d;
        }
        return new int[] {max, (int) (1000 * sum / a.data().length)};
    }

    private void assertSameAsTwelveMonkeys(Path f) {
        Pixels ref = Decoder.decode(f, JpegDecoder.TWELVEMONKEYS, true);
        Pixels cv = Decoder.decode(f, JpegDecoder.OPENCV, true);
        int[] d = diff(ref, cv);
        assertTrue(d[0] <= TOLERANCE, f + ": max difference " + d[0] + " > " + TOLERANCE);
        assertTrue(d[1] < 100, f + ": mean difference " + d[1] / 1000.0 + " >= 0.1");
    }

    @Test
    void samePixelsAsTwelveMonkeysOnBaselineAndProgressiveJpegs() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BufferedImage img = photo(90 + 17 * i, 70 + 9 * i, i);
            files.add(Files.write(dir.resolve("b" + i + ".jpg"), TestImages.jpegBytes(img, false)));
            files.add(Files.write(dir.resolve("p" + i + ".jpg"), TestImages.jpegBytes(img, true)));
        }
        for (Path f : files) {
            assertSameAsTwelveMonkeys(f);
        }
        // and the photo itself comes out, not just the same artefacts: within JPEG loss of the source
        Pixels cv = Decoder.decode(files.get(0), JpegDecoder.OPENCV, true);
        assertEquals(3, cv.channels());
        BufferedImage src = photo(90, 70, 0);
        int rgb = src.getRGB(40, 20);
        assertTrue(Math.abs(cv.get(40, 20, 1) - (rgb >> 8 & 0xff)) <= 12, "green " + cv.get(40, 20, 1) + " vs " + (rgb >> 8 & 0xff));
    }

    @Test
    void samePixelsOnRealPhotosWhenPresent() throws Exception {
        // Debian's mate-backgrounds (the demo data's source) when installed; the synthetic test above always runs
        Path nature = Path.of("/usr/share/backgrounds/mate/nature");
        if (Files.isDirectory(nature)) {
            for (Path f : ImageFiles.list(nature)) {
                assertSameAsTwelveMonkeys(f);
            }
        }
    }

    @Test
    void grayJpegStaysOneChannel() throws Exception {
        BufferedImage g = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                g.getRaster().setSample(x, y, 0, x * 6);
            }
        }
        Path f = Files.write(dir.resolve("g.jpg"), TestImages.jpegBytes(g, false));
        Pixels cv = Decoder.decode(f, JpegDecoder.OPENCV, true);
        assertEquals(1, cv.channels());
        assertTrue(Math.abs(cv.get(20, 10, 0) - 120) <= 3, "value " + cv.get(20, 10, 0));
        assertSameAsTwelveMonkeys(f);
    }

    @Test
    void withoutTheOpenCvJarsTheErrorNamesTheArtifacts() throws Exception {
        // the test class path without the opencv jars, in a fresh class loader
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<java.net.URL> urls = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && !Path.of(entry).getFileName().toString().startsWith("opencv-")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (var loader = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), ClassLoader.getPlatformClassLoader())) {
            Class<?> decoder = loader.loadClass(Decoder.class.getName());
            Class<?> jpeg = loader.loadClass(JpegDecoder.class.getName());
            var require = decoder.getDeclaredMethod("requireAvailable", jpeg);
            require.setAccessible(true);
            Object twelveMonkeys = jpeg.getField("TWELVEMONKEYS").get(null);
            require.invoke(null, twelveMonkeys);
            Object opencv = jpeg.getField("OPENCV").get(null);
            var e = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> require.invoke(null, opencv));
            assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
            String m = e.getCause().getMessage();
            assertTrue(m.contains("fix: add org.bytedeco:opencv:4.5.5-1.5.7 and its classifier linux-x86_64"), m);
        }
    }

    @Test
    void badFilesGiveTheSameClearErrors() throws Exception {
        Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.jpg"), "not a jpeg");
        byte[] jpg = TestImages.jpegBytes(photo(64, 64, 1), false);
        byte[] garbage = jpg.clone();
        for (int i = 20; i < garbage.length - 2; i++) {
            garbage[i] = (byte) (i * 31);
        }
        Path bad = Files.write(dir.resolve("garbage.jpg"), garbage);
        for (Path f : List.of(empty, text, bad)) {
            BadImageException ref = assertThrows(BadImageException.class, () -> Decoder.decode(f, JpegDecoder.TWELVEMONKEYS, true));
            BadImageException cv = assertThrows(BadImageException.class, () -> Decoder.decode(f, JpegDecoder.OPENCV, true));
            // what libjpeg-turbo refuses goes to TwelveMonkeys, so the message is the reference one
            assertEquals(ref.getMessage(), cv.getMessage());
            assertTrue(cv.getMessage().startsWith(f.toString()) && cv.getMessage().contains("fix:"), cv.getMessage());
        }
    }
}
