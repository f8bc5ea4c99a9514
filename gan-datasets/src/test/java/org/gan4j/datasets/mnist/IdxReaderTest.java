package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and wrong files give errors that name the file and the problem. */
class IdxReaderTest {
    private static final MnistSplit SPLIT = MnistSplit.TEST;

    @TempDir
    Path dir;

    @Test
    void readsSmallRawAndGzipFiles() throws IOException {
        Path img = write("img", MnistTestData.images(5, 28, 28));
        Path lbl = write("lbl.whatever", MnistTestData.gzip(MnistTestData.labels(5))); // gzip found by magic
        Mnist m = Mnist.read(SPLIT, img, lbl, false);
        assertEquals(5, m.size());
        assertEquals(3, m.label(3));
        assertEquals(200, m.pixel(0, 7, 4)); // byte 200 read unsigned
    }

    @Test
    void truncatedRawFile() throws IOException {
        byte[] full = MnistTestData.images(5, 28, 28);
        Path img = write("img", Arrays.copyOf(full, full.length - 784));
        String msg = fail(img, write("lbl", MnistTestData.labels(5)));
        assertContains(msg, img.toString(), "truncated", "expected 3936 bytes, got 3152");
    }

    @Test
    void truncatedGzipFile() throws IOException {
        byte[] gz = MnistTestData.gzip(MnistTestData.images(50, 28, 28));
        Path img = write("img.gz", Arrays.copyOf(gz, gz.length / 2));
        String msg = fail(img, write("lbl", MnistTestData.labels(50)));
        assertContains(msg, img.toString(), "truncated", "expected 39216 bytes, got ");
    }

    @Test
    void gzipMagicFollowedByGarbage() throws IOException {
        Path img = write("img.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        String msg = fail(img, write("lbl", MnistTestData.labels(5)));
        assertContains(msg, img.toString(), "gzip");
    }

    @Test
    void wrongMagicWhenFilesAreSwapped() throws IOException {
        Path img = write("img", MnistTestData.images(5, 28, 28));
        Path lbl = write("lbl", MnistTestData.labels(5));
        String msg = assertThrows(IOException.class, () -> Mnist.read(SPLIT, lbl, img, false)).getMessage();
        assertContains(msg, lbl.toString(), "wrong magic number 2049", "expected 2051", "swapped");
    }

    @Test
    void countMismatch() throws IOException {
        Path img = write("img", MnistTestData.images(5, 28, 28));
        Path lbl = write("lbl", MnistTestData.labels(4));
        assertContains(fail(img, lbl), "count mismatch", "5 images", "4 labels", img.toString(), lbl.toString());
    }

    @Test
    void zeroByteFile() throws IOException {
        Path img = write("img", new byte[0]);
        assertContains(fail(img, write("lbl", MnistTestData.labels(5))), img.toString(), "empty file (0 bytes)");
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 0x42;
        Path img = write("img", junk);
        assertContains(fail(img, write("lbl", MnistTestData.labels(5))), img.toString(),
                "not an IDX file", "nor a gzip file");
    }

    @Test
    void labelOutOfRange() throws IOException {
        byte[] labels = MnistTestData.labels(5);
        labels[8 + 3] = 12;
        Path lbl = write("lbl", labels);
        assertContains(fail(write("img", MnistTestData.images(5, 28, 28)), lbl), lbl.toString(),
                "label 12 at index 3 is outside 0..9");
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] full = MnistTestData.images(5, 28, 28);
        Path img = write("img", Arrays.copyOf(full, full.length + 10));
        assertContains(fail(img, write("lbl", MnistTestData.labels(5))), img.toString(), "trailing data");
        Path gz = write("img2", MnistTestData.gzip(Arrays.copyOf(full, full.length + 10)));
        assertContains(fail(gz, write("lbl", MnistTestData.labels(5))), gz.toString(), "trailing data");
    }

    @Test
    void missingFile() {
        Path img = dir.resolve("nope");
        String msg = assertThrows(IOException.class,
                () -> Mnist.read(SPLIT, img, dir.resolve("nope2"), false)).getMessage();
        assertContains(msg, img.toString(), "no such file");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String fail(Path images, Path labels) {
        return assertThrows(IOException.class, () -> Mnist.read(SPLIT, images, labels, false)).getMessage();
    }

    private static void assertContains(String msg, String... parts) {
        for (String p : parts) {
            assertTrue(msg.contains(p), "expected '" + p + "' in: " + msg);
        }
        assertTrue(msg.contains("docs/mnist.md") || msg.contains("count mismatch"), "a fix is named: " + msg);
    }
}
