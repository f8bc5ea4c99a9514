package org.gan4j.datasets.image;

import static org.gan4j.datasets.image.TestImages.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class PairedImageDatasetTest {
    @TempDir
    Path root;

    private static final int HALF = 12;
    private static final int CROP = 8;

    private PairedImageDataset.Builder dataset(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            TestImages.png(TestImages.pair(HALF, HALF), root.resolve("train/p" + i + ".png"));
        }
        // load size = half size: the resize is the identity, so pixels can be checked exactly
        return PairedImageDataset.builder(root)
                .transform(TransformOptions.defaults().withLoadSize(HALF).withCropSize(CROP))
                .load(TestImages.load(2));
    }

    @Test
    void cropAndFlipAreIdenticalOnBothHalvesAndExact() throws Exception {
        PairedImageDataset ds = dataset(6).batchSize(2).build();
        assertEquals(3, ds.batchesPerEpoch());
        Set<Boolean> flips = new HashSet<>();
        Set<Integer> corners = new HashSet<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            try (BatchStream s = ds.epoch(7, epoch, 0)) {
                while (s.hasNext()) {
                    Batch b = s.next();
                    assertArrayEquals(new long[] {2, 3, CROP, CROP}, b.a().shape());
                    for (int n = 0; n < 2; n++) {
                        int x0 = px(b.a(), n, 0, 0, 0);
                        int x1 = px(b.a(), n, 0, 0, 1);
                        boolean flipped = x1 < x0;
                        flips.add(flipped);
                        int y0 = px(b.a(), n, 1, 0, 0);
                        corners.add(y0);
                        for (int y = 0; y < CROP; y++) {
                            for (int x = 0; x < CROP; x++) {
                                int expectX = flipped ? x0 - x : x0 + x;
                                assertEquals(expectX, px(b.a(), n, 0, y, x));
                                assertEquals(y0 + y, px(b.a(), n, 1, y, x));
                                assertEquals(10, px(b.a(), n, 2, y, x));
                                // B: same crop, same flip, other half
                                assertEquals(expectX, px(b.b(), n, 0, y, x));
                                assertEquals(y0 + y, px(b.b(), n, 1, y, x));
                                assertEquals(200, px(b.b(), n, 2, y, x));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(true, false), flips, "both flipped and unflipped pairs over 4 epochs");
        assertTrue(corners.size() > 1, "crop positions vary");
    }

    @Test
    void directionBtoAPutsTheRightHalfFirst() throws Exception {
        PairedImageDataset ds = dataset(2).direction(Direction.B_TO_A).build();
        try (BatchStream s = ds.epoch(1, 0, 0)) {
            Batch b = s.next();
            assertEquals(200, px(b.a(), 0, 2, 0, 0));
            assertEquals(10, px(b.b(), 0, 2, 0, 0));
        }
    }

    @Test
    void testModeIsCentreCropWithoutFlipInNameOrder() throws Exception {
        PairedImageDataset ds = dataset(3).split("train").testMode(true).build();
        try (BatchStream s = ds.epoch(1, 0, 0)) {
            int count = 0;
            while (s.hasNext()) {
                Batch b = s.next();
                int off = (HALF - CROP) / 2;
                assertEquals(off, px(b.a(), 0, 0, 0, 0));
                assertEquals(off + 1, px(b.a(), 0, 0, 0, 1));
                assertEquals(off, px(b.b(), 0, 1, 0, 0));
                count++;
            }
            assertEquals(3, count);
        }
    }

    @Test
    void grayscaleInputAndRgbOutput() throws Exception {
        PairedImageDataset ds = dataset(2).channels(1, 3).build();
        try (BatchStream s = ds.epoch(1, 0, 0)) {
            Batch b = s.next();
            assertArrayEquals(new long[] {1, 1, CROP, CROP}, b.a().shape());
            assertArrayEquals(new long[] {1, 3, CROP, CROP}, b.b().shape());
        }
    }

    @Test
    void resizeAndCropAtTheDefaultsGivesNormalisedTensors() throws Exception {
        TestImages.jpeg(TestImages.pair(64, 64), root.resolve("train/a.jpg"));
        PairedImageDataset ds = PairedImageDataset.builder(root)
                .transform(TransformOptions.defaults().withLoadSize(72).withCropSize(64)).load(TestImages.load(1)).build();
        try (BatchStream s = ds.epoch(3, 0, 0)) {
            INDArray a = s.next().a();
            assertArrayEquals(new long[] {1, 3, 64, 64}, a.shape());
            assertTrue(a.minNumber().floatValue() >= -1f && a.maxNumber().floatValue() <= 1f);
        }
    }

    @Test
    void oddWidthIsAnErrorNamingTheFile() throws Exception {
        Path bad = TestImages.png(TestImages.coords(25, 12, 0, 0), root.resolve("train/odd.png"));
        PairedImageDataset ds = PairedImageDataset.builder(root).transform(TransformOptions.resizeOnly(8))
                .load(TestImages.load(1)).build();
        BadImageException e = assertThrows(BadImageException.class, () -> {
            try (BatchStream s = ds.epoch(1, 0, 0)) {
                s.next();
            }
        });
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("odd width"), e.getMessage());
        assertTrue(e.getMessage().contains("fix:"), e.getMessage());
    }

    @Test
    void nonSquareHalvesAreAnErrorUnlessAllowed() throws Exception {
        TestImages.png(TestImages.coords(40, 12, 0, 0), root.resolve("train/wide.png"));
        PairedImageDataset strict = PairedImageDataset.builder(root).transform(TransformOptions.resizeOnly(8))
                .load(TestImages.load(0)).build();
        BadImageException e = assertThrows(BadImageException.class, () -> strict.epoch(1, 0, 0).next());
        assertTrue(e.getMessage().contains("40x12"), e.getMessage());
        PairedImageDataset lax = PairedImageDataset.builder(root).squareHalves(false)
                .transform(TransformOptions.resizeOnly(8)).load(TestImages.load(0)).build();
        assertArrayEquals(new long[] {1, 3, 8, 8}, lax.epoch(1, 0, 0).next().a().shape());
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}
