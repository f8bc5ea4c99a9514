package org.gan4j.datasets.image.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fashion-MNIST benchmark tasks, on tiny IDX files written here (the Debian package is never needed). */
class FashionTasksTest {
    private static final int ROWS = 28;
    /** Pixel value of the synthetic objects in the IDX files (bright on black, as Fashion-MNIST). */
    private static final int INK = 200;
    /** JPEG (quality 0.95) tolerance for flat areas. */
    private static final int JPEG = 10;

    // labels: 0 t_shirt_top, 1 trouser, 5 sandal, 7 sneaker, 9 ankle_boot
    private static final int[] TRAIN_LABELS = {7, 5, 0, 9, 7, 3, 5};
    private static final int[] TEST_LABELS = {9, 1, 7};

    @TempDir
    Path tmp;

    /** A filled rectangle per image, its width depending on the index, so every image has edges. */
    private static byte[] images(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * ROWS * ROWS);
        b.putInt(0x0803).putInt(count).putInt(ROWS).putInt(ROWS);
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < ROWS; y++) {
                for (int x = 0; x < ROWS; x++) {
                    boolean in = y >= 6 && y < 22 && x >= 4 && x < 18 + i % 5;
                    b.put((byte) (in ? INK : 0));
                }
            }
        }
        return b.array();
    }

    private static byte[] labels(int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x0801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** The four Fashion-MNIST files in {@code dir}; the training images gzip-compressed, as Debian ships them. */
    private Path fashion() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fashion"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-images-idx3-ubyte.gz")))) {
            out.write(images(TRAIN_LABELS.length));
        }
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(TRAIN_LABELS));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(TEST_LABELS.length));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(TEST_LABELS));
        return dir;
    }

    private static int gray(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    void edgesWritesFootwearPairsInTheEdges2shoesLayoutThatThePairedReaderReads() throws Exception {
        Path out = tmp.resolve("edges");
        DatasetTools.Result r = FashionTasks.edges(fashion(), out, FashionTasks.FOOTWEAR, 32, 0, EdgeDetector.defaults());

        assertEquals(Map.of("train", 5, "val", 2), r.written());
        assertEquals("file,label\n00000.jpg,sneaker\n00001.jpg,sandal\n00003.jpg,ankle_boot\n00004.jpg,sneaker\n"
                + "00006.jpg,sandal\n", Files.readString(out.resolve("train/labels.csv")));
        assertEquals("file,label\n00000.jpg,ankle_boot\n00002.jpg,sneaker\n", Files.readString(out.resolve("val/labels.csv")));
        assertEquals(List.of(out.resolve("val/00000.jpg"), out.resolve("val/00002.jpg")), ImageFiles.list(out.resolve("val")));

        BufferedImage pair = ImageFiles.read(out.resolve("train/00000.jpg"));
        assertEquals(64, pair.getWidth());
        assertEquals(32, pair.getHeight());
        // B (right): the object dark (255 - INK) on white, upscaled 28 -> 32
        assertTrue(Math.abs(gray(pair, 32 + 2, 2) - 255) <= JPEG, "white background " + gray(pair, 34, 2));
        assertTrue(Math.abs(gray(pair, 32 + 12, 16) - (255 - INK)) <= JPEG, "dark object " + gray(pair, 44, 16));
        // A (left): black edges on white, along the object's outline only
        assertTrue(gray(pair, 2, 2) >= 255 - JPEG && gray(pair, 12, 16) >= 255 - JPEG, "white off the outline");
        int dark = 0;
        for (int x = 0; x < 32; x++) {
            dark += gray(pair, x, 16) < 128 ? 1 : 0;
        }
        assertTrue(dark >= 2 && dark <= 6, "the middle row crosses the outline twice: " + dark + " dark pixels");

        PairedImageDataset ds = PairedImageDataset.builder(out).split("val").testMode(true).batchSize(2)
                .transform(TransformOptions.resizeOnly(32)).build();
        assertEquals(2, ds.size());
        try (BatchSource.BatchStream s = ds.epoch(1, 0, 0)) {
            Batch b = s.next();
            assertArrayEquals(new long[] {2, 3, 32, 32}, b.a().shape());
            assertArrayEquals(new long[] {2, 3, 32, 32}, b.b().shape());
        }
    }

    @Test
    void classesAreChosenByNameAndLimitCapsEachSplit() throws Exception {
        Path out = tmp.resolve("edges");
        DatasetTools.Result r = FashionTasks.edges(fashion(), out, List.of("Trouser", "t-shirt/top", "sandal"), 16, 1,
                EdgeDetector.defaults());
        assertEquals(Map.of("train", 1, "val", 1), r.written());
        assertEquals("file,label\n00001.jpg,sandal\n", Files.readString(out.resolve("train/labels.csv")));
        assertEquals("file,label\n00001.jpg,trouser\n", Files.readString(out.resolve("val/labels.csv")));
        assertEquals(32, ImageFiles.read(out.resolve("val/00001.jpg")).getWidth());
    }

    @Test
    void unpairedWritesTwoClassDomainsInTheMonet2photoLayout() throws Exception {
        Path out = tmp.resolve("unpaired");
        DatasetTools.Result r = FashionTasks.unpaired(fashion(), out, List.of("sneaker"), List.of("ankle_boot", "trouser"),
                24, 0);
        assertEquals(Map.of("trainA", 2, "trainB", 1, "testA", 1, "testB", 2), r.written());
        assertEquals("file,label\n00000.jpg,sneaker\n00004.jpg,sneaker\n", Files.readString(out.resolve("trainA/labels.csv")));
        assertEquals("file,label\n00003.jpg,ankle_boot\n", Files.readString(out.resolve("trainB/labels.csv")));
        assertEquals("file,label\n00002.jpg,sneaker\n", Files.readString(out.resolve("testA/labels.csv")));
        assertEquals("file,label\n00000.jpg,ankle_boot\n00001.jpg,trouser\n", Files.readString(out.resolve("testB/labels.csv")));
        BufferedImage img = ImageFiles.read(out.resolve("testB/00001.jpg"));
        assertEquals(24, img.getWidth());
        assertEquals(24, img.getHeight());
        assertTrue(Math.abs(gray(img, 1, 1) - 255) <= JPEG, "white background");

        UnpairedImageDataset ds = UnpairedImageDataset.builder(out).split("test").testMode(true).batchSize(1)
                .transform(TransformOptions.resizeOnly(24)).build();
        assertEquals(1, ds.filesA().size());
        assertEquals(2, ds.filesB().size());
    }

    @Test
    void badInputGivesOneClearErrorNamingTheValueOrFile() throws Exception {
        Path fashion = fashion();
        Path out = tmp.resolve("out");
        EdgeDetector d = EdgeDetector.defaults();

        var unknown = assertThrows(IllegalArgumentException.class,
                () -> FashionTasks.edges(fashion, out, List.of("sneaker", "shoe"), 32, 0, d));
        assertTrue(unknown.getMessage().contains("--classes: unknown Fashion-MNIST class 'shoe'")
                && unknown.getMessage().contains("ankle_boot"), unknown.getMessage());
        var both = assertThrows(IllegalArgumentException.class,
                () -> FashionTasks.unpaired(fashion, out, List.of("sneaker"), List.of("Sneaker"), 32, 0));
        assertTrue(both.getMessage().contains("class sneaker is in both domains"), both.getMessage());

        var noFolder = assertThrows(IOException.class,
                () -> FashionTasks.edges(tmp.resolve("nowhere"), out, FashionTasks.FOOTWEAR, 32, 0, d));
        assertTrue(noFolder.getMessage().startsWith(tmp.resolve("nowhere") + ": no such folder")
                && noFolder.getMessage().contains("apt-get install dataset-fashion-mnist"), noFolder.getMessage());

        Files.delete(fashion.resolve("t10k-labels-idx1-ubyte"));
        var noFile = assertThrows(IOException.class,
                () -> FashionTasks.edges(fashion, tmp.resolve("out2"), FashionTasks.FOOTWEAR, 32, 0, d));
        assertTrue(noFile.getMessage().startsWith(fashion.resolve("t10k-labels-idx1-ubyte") + "[.gz]: no such file"),
                noFile.getMessage());

        // a labels file where the images file belongs: wrong magic number, named with the file and the fix
        Files.write(fashion.resolve("t10k-labels-idx1-ubyte"), labels(TEST_LABELS));
        Files.write(fashion.resolve("t10k-images-idx3-ubyte"), labels(TEST_LABELS));
        var magic = assertThrows(IOException.class,
                () -> FashionTasks.edges(fashion, tmp.resolve("out3"), FashionTasks.FOOTWEAR, 32, 0, d));
        assertTrue(magic.getMessage().startsWith(fashion.resolve("t10k-images-idx3-ubyte") + ": wrong magic number 2049")
                && magic.getMessage().contains("dataset-fashion-mnist")
                && !magic.getMessage().contains("fetched again"), magic.getMessage());

        Files.write(fashion.resolve("t10k-images-idx3-ubyte"), images(TEST_LABELS.length));
        FashionTasks.edges(fashion, out, FashionTasks.FOOTWEAR, 16, 0, d);
        var again = assertThrows(DatasetException.class,
                () -> FashionTasks.edges(fashion, out, FashionTasks.FOOTWEAR, 16, 0, d));
        assertTrue(again.getMessage().startsWith(out.resolve("train") + ": already holds 6 files")
                && again.getMessage().contains("choose a new --out folder"), again.getMessage());
    }
}
