package org.gan4j.datasets.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path root;

    private static final TransformOptions SMALL = TransformOptions.defaults().withLoadSize(16).withCropSize(16);

    private static void assertNamesFileAndFix(DatasetException e, Path file, String problem) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains(problem), m);
        assertTrue(m.contains("fix:"), m);
        assertEquals(file, e.path());
    }

    private static void drain(BatchSource ds) {
        try (BatchStream s = ds.epoch(1, 0, 0)) {
            s.forEachRemaining(b -> { });
        }
    }

    private BatchSource folder(Path dir, boolean skip) {
        return ImageFolderDataset.builder(dir).transform(SMALL).load(TestImages.load(2).withSkipBad(skip)).build();
    }

    @Test
    void missingRoot() {
        Path missing = root.resolve("nope");
        DatasetException e = assertThrows(DatasetException.class, () -> UnpairedImageDataset.builder(missing).build());
        assertNamesFileAndFix(e, missing, "not found");
        e = assertThrows(DatasetException.class, () -> PairedImageDataset.builder(missing).build());
        assertNamesFileAndFix(e, missing, "not found");
    }

    @Test
    void missingSplitFolder() throws Exception {
        TestImages.png(TestImages.solid(16, 16, 0), root.resolve("trainA/a.png"));
        DatasetException e = assertThrows(DatasetException.class, () -> UnpairedImageDataset.builder(root).build());
        assertNamesFileAndFix(e, root.resolve("trainB"), "folder not found");
    }

    @Test
    void emptyFolderAndFolderWithOnlyNonImages() throws Exception {
        Files.createDirectories(root.resolve("train"));
        DatasetException e = assertThrows(DatasetException.class, () -> PairedImageDataset.builder(root).build());
        assertNamesFileAndFix(e, root.resolve("train"), "no images");
        Files.writeString(root.resolve("train/readme.txt"), "hello");
        e = assertThrows(DatasetException.class, () -> PairedImageDataset.builder(root).build());
        assertNamesFileAndFix(e, root.resolve("train"), "no images");
    }

    @Test
    void nonImageFilesAreIgnoredButNonImageContentIsAnError() throws Exception {
        Path dir = root.resolve("imgs");
        TestImages.png(TestImages.solid(16, 16, 0x808080), dir.resolve("a.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        drain(folder(dir, false));
        Path fake = dir.resolve("fake.jpg");
        Files.writeString(fake, "this is text, not a JPEG");
        BadImageException e = assertThrows(BadImageException.class, () -> drain(folder(dir, false)));
        assertNamesFileAndFix(e, fake, "not an image");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path dir = root.resolve("imgs");
        Path empty = Files.createDirectories(dir).resolve("empty.png");
        Files.write(empty, new byte[0]);
        BadImageException e = assertThrows(BadImageException.class, () -> drain(folder(dir, false)));
        assertNamesFileAndFix(e, empty, "empty file (0 bytes)");
        Path emptyJpg = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        for (JpegDecoder d : JpegDecoder.values()) {
            e = assertThrows(BadImageException.class, () -> ImageFiles.read(emptyJpg, d));
            assertNamesFileAndFix(e, emptyJpg, "empty file (0 bytes)");
        }
    }

    @Test
    void truncatedJpeg() throws Exception {
        byte[] full = TestImages.jpegBytes(TestImages.coords(64, 64, 0, 30), false);
        Path dir = Files.createDirectories(root.resolve("imgs"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(full, full.length * 2 / 3));
        for (JpegDecoder d : JpegDecoder.values()) {
            BadImageException e = assertThrows(BadImageException.class, () -> ImageFiles.read(cut, d));
            assertNamesFileAndFix(e, cut, "truncated");
        }
    }

    @Test
    void corruptJpegAndPng() throws Exception {
        byte[] jpg = TestImages.jpegBytes(TestImages.coords(64, 64, 0, 30), false);
        Path dir = Files.createDirectories(root.resolve("imgs"));
        // keep SOI and the first bytes of the header, then garbage, then an end-of-image marker
        byte[] bad = Arrays.copyOf(jpg, jpg.length);
        for (int i = 20; i < bad.length - 2; i++) {
            bad[i] = (byte) (i * 31);
        }
        Path badJpg = dir.resolve("garbage.jpg");
        Files.write(badJpg, bad);
        for (JpegDecoder d : JpegDecoder.values()) {
            BadImageException e = assertThrows(BadImageException.class, () -> ImageFiles.read(badJpg, d));
            assertTrue(e.getMessage().startsWith(badJpg.toString()) && e.getMessage().contains("fix:"), e.getMessage());
        }
        Path png = TestImages.png(TestImages.coords(64, 64, 0, 30), dir.resolve("p.png"));
        byte[] p = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(p, p.length / 2));
        BadImageException e = assertThrows(BadImageException.class, () -> ImageFiles.read(png));
        assertNamesFileAndFix(e, png, "corrupt or unreadable PNG");
    }

    @Test
    void cropLargerThanTheImage() throws Exception {
        Path dir = root.resolve("imgs");
        Path small = TestImages.png(TestImages.solid(12, 20, 0), dir.resolve("small.png"));
        BatchSource ds = ImageFolderDataset.builder(dir)
                .transform(TransformOptions.defaults().withPreprocess(Preprocess.CROP).withCropSize(16))
                .load(TestImages.load(1)).build();
        BadImageException e = assertThrows(BadImageException.class, () -> drain(ds));
        assertNamesFileAndFix(e, small, "crop size 16 is larger than the image (12x20)");
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> ImageFolderDataset.builder(dir)
                .transform(TransformOptions.defaults().withLoadSize(128)).build());
        assertTrue(e2.getMessage().contains("cropSize 256 is larger than loadSize 128"), e2.getMessage());
    }

    @Test
    void skipBadSkipsWithACountAndLoadsOnlyGoodImages() throws Exception {
        Path dir = root.resolve("imgs");
        for (int i = 0; i < 4; i++) {
            TestImages.png(TestImages.solid(16, 16, 0x10 * (i + 1)), dir.resolve("good" + i + ".png"));
        }
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("text.png"), "nope");
        ImageFolderDataset ds = ImageFolderDataset.builder(dir).transform(SMALL)
                .load(TestImages.load(2).withSkipBad(true)).build();
        assertEquals(6, ds.size());
        for (int epoch = 0; epoch < 3; epoch++) {
            try (BatchStream s = ds.epoch(3, epoch, 0)) {
                int n = 0;
                while (s.hasNext()) {
                    int blue = TestImages.px(s.next().a(), 0, 2, 0, 0);
                    assertTrue(blue % 0x10 == 0 && blue >= 0x10 && blue <= 0x40, "only good images: " + blue);
                    n++;
                }
                assertEquals(6, n);
            }
        }
        assertEquals(2, ds.skipped().size());
        assertTrue(ds.skipped().containsKey(dir.resolve("empty.jpg")));
        assertTrue(ds.skipped().get(dir.resolve("text.png")).contains("not an image"));
        // and without skipBad the same folder fails
        BadImageException e = assertThrows(BadImageException.class, () -> drain(folder(dir, false)));
        assertTrue(e.getMessage().contains("empty.jpg") || e.getMessage().contains("text.png"));
    }

    @Test
    void batchLargerThanTheDataset() throws Exception {
        Path dir = root.resolve("imgs");
        TestImages.png(TestImages.solid(16, 16, 0), dir.resolve("a.png"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> ImageFolderDataset.builder(dir).transform(SMALL).batchSize(4).build());
        assertTrue(e.getMessage().contains("only 1 images for a batch of 4"), e.getMessage());
    }
}
