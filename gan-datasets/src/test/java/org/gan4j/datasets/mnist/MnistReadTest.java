package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on the real MNIST files (each split read once). */
class MnistReadTest {

    @Test
    void trainSplitMatchesTheOfficialRelease() {
        Mnist train = MnistTestData.load(MnistSplit.TRAIN);
        assertEquals(60_000, train.size());
        assertEquals(28, train.rows());
        assertEquals(28, train.cols());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, firstLabels(train));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, perDigit(train));
    }

    @Test
    void testSplitMatchesTheOfficialRelease() {
        Mnist test = MnistTestData.load(MnistSplit.TEST);
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, firstLabels(test));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, perDigit(test));
    }

    @Test
    void pixelsAreUnsignedAndScaledToUnitRange() {
        Mnist test = MnistTestData.load(MnistSplit.TEST);
        assertEquals(0, test.pixel(0, 0, 0)); // background
        int max = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                max = Math.max(max, test.pixel(0, r, c));
            }
        }
        assertEquals(255, max, "ink reaches 255, so bytes are read unsigned");
        var x = test.images(0, 1);
        assertArrayEquals(new long[] {2, 1, 28, 28}, x.shape());
        assertEquals(-1.0, x.minNumber().doubleValue(), 0.0);
        assertEquals(1.0, x.maxNumber().doubleValue(), 0.0);
        assertEquals(test.pixel(1, 14, 14) / 127.5 - 1, x.getDouble(1, 0, 14, 14), 1e-6);
        var y = test.oneHotLabels(0, 1);
        assertEquals(1.0, y.getDouble(0, 7), 0.0);
        assertEquals(1.0, y.getDouble(1, 2), 0.0);
        assertEquals(2.0, y.sumNumber().doubleValue(), 0.0);
    }

    @Test
    void rawContentMatchesTheChecksumConstants() throws Exception {
        for (MnistSplit split : MnistSplit.values()) {
            for (String name : new String[] {split.imagesFile(), split.labelsFile()}) {
                byte[] raw = MnistTestData.rawBytes(split, name);
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
                assertEquals(split.sha256Of(name), sha, name);
            }
        }
    }

    @Test
    void rawAndGzipFilesReadTheSameAndAChangedByteFailsTheChecksum(@TempDir Path dir) throws IOException {
        MnistSplit split = MnistSplit.TEST;
        byte[] images = MnistTestData.rawBytes(split, split.imagesFile());
        byte[] labels = MnistTestData.rawBytes(split, split.labelsFile());
        Path img = Files.write(dir.resolve(split.imagesFile()), images);
        Path lbl = Files.write(dir.resolve(split.labelsFile() + ".gz"), MnistTestData.gzip(labels));
        Mnist copy = Mnist.read(split, img, lbl, true);
        assertArrayEquals(MnistTestData.load(split).labels(), copy.labels());

        labels[8] = 8; // first label 7 -> 8: still a valid labels file, but not MNIST
        Files.write(lbl, MnistTestData.gzip(labels));
        IOException e = assertThrows(IOException.class, () -> Mnist.read(split, img, lbl, true));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(lbl.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(split.labelsSha256()), e.getMessage());
        assertEquals(8, Mnist.read(split, img, lbl, false).label(0), "verification off reads it");
    }

    private static int[] firstLabels(Mnist m) {
        int[] out = new int[10];
        for (int i = 0; i < 10; i++) {
            out[i] = m.label(i);
        }
        return out;
    }

    private static int[] perDigit(Mnist m) {
        int[] counts = new int[10];
        for (int y : m.labels()) {
            counts[y]++;
        }
        return counts;
    }
}
