package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.data.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Each kind of data spec opens its folder layout, with the preview examples the variant shows. */
class DataSpecsTest {
    private static final int RED = 0xff0000;
    private static final int BLUE = 0x0000ff;

    @TempDir
    Path root;

    /** A side-by-side file: left half {@code left}, right half {@code right}, each 8x8. */
    private static void pair(Path file, int left, int right) throws Exception {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, x < 8 ? left : right);
            }
        }
        image(img, file);
    }

    private static void solid(Path file, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        image(img, file);
    }

    private static void image(BufferedImage img, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static Batch firstBatch(BatchSource source) {
        try (BatchSource.BatchStream s = source.epoch(1, 0, 0)) {
            return s.next();
        }
    }

    @Test
    void pairedFolderGivesTrainingPairsAndValidationPreviewInTheDeclaredDirection() throws Exception {
        for (int i = 0; i < 3; i++) {
            pair(root.resolve("train/t" + i + ".png"), RED, BLUE);
        }
        for (int i = 0; i < 6; i++) {
            pair(root.resolve("val/v" + i + ".png"), RED, BLUE);
        }
        TrainingData forward = DataSpecs.open(new DataSpec.PairedFolder(3, 3, 8, 8, false), root, 2);
        assertEquals(1, forward.source().batchesPerEpoch(), "3 training pairs, batch 2");
        Batch b = firstBatch(forward.source());
        assertArrayEquals(new long[] {2, 3, 8, 8}, b.a().shape());
        assertEquals(DataSpecs.PREVIEW_EXAMPLES, forward.preview().size(), "preview from val/ (6 pairs), capped");
        assertEquals(1.0, forward.preview().a().getDouble(0, 0, 0, 0), 1e-6, "A = left half = red");
        assertEquals(1.0, forward.preview().b().getDouble(0, 2, 0, 0), 1e-6, "B = right half = blue");

        TrainingData reverse = DataSpecs.open(new DataSpec.PairedFolder(3, 1, 8, 8, true), root, 2);
        assertArrayEquals(new long[] {4, 3, 8, 8}, reverse.preview().a().shape());
        assertArrayEquals(new long[] {4, 1, 8, 8}, reverse.preview().b().shape());
        assertEquals(1.0, reverse.preview().a().getDouble(0, 2, 0, 0), 1e-6, "input = right half = blue");
    }

    @Test
    void unpairedFoldersPreviewFromTrainWithoutTestFolders() throws Exception {
        for (int i = 0; i < 2; i++) {
            solid(root.resolve("trainA/a" + i + ".png"), RED);
        }
        for (int i = 0; i < 3; i++) {
            solid(root.resolve("trainB/b" + i + ".png"), BLUE);
        }
        TrainingData d = DataSpecs.open(new DataSpec.UnpairedFolders(3, 1, 8, 8), root, 1);
        assertEquals(2, d.preview().size(), "min(|A|, |B|, 4) preview images");
        assertArrayEquals(new long[] {2, 1, 8, 8}, d.preview().b().shape());
        assertArrayEquals(new long[] {1, 3, 8, 8}, firstBatch(d.source()).a().shape());
    }

    @Test
    void pairsAsUnpairedGiveAlignedPreviewPairs() throws Exception {
        for (int i = 0; i < 4; i++) {
            pair(root.resolve("train/t" + i + ".png"), RED, BLUE);
        }
        TrainingData d = DataSpecs.open(new DataSpec.PairsAsUnpaired(3, 3, 8, false), root, 2);
        assertEquals(4, d.preview().size(), "test mode: every file gives an aligned pair");
        assertEquals(1.0, d.preview().a().getDouble(0, 0, 0, 0), 1e-6);
        assertEquals(1.0, d.preview().b().getDouble(0, 2, 0, 0), 1e-6);
        assertEquals(1, d.source().batchesPerEpoch(), "even files as A, odd ones as B: 2 examples");
    }

    @Test
    void superResolutionCropsHaveTheDeclaredSizesAndNoPreview() throws Exception {
        BufferedImage photo = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        image(photo, root.resolve("p.png"));
        TrainingData d = DataSpecs.open(new DataSpec.SuperResolutionCrops(16, 4), root, 2);
        assertNull(d.preview());
        Batch b = firstBatch(d.source());
        assertArrayEquals(new long[] {2, 3, 4, 4}, b.a().shape());
        assertArrayEquals(new long[] {2, 3, 16, 16}, b.b().shape());
        assertEquals(DataSpecs.MIN_SR_CROPS_PER_EPOCH / 2, d.source().batchesPerEpoch(), "one photo: 1000 crops per epoch");
    }

    @Test
    void folderSpecsWithoutAFolderNameWhatTheFolderMustHold() {
        DataSpec spec = new DataSpec.UnpairedFolders(3, 3, 8, 8);
        var e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.open(spec, null, 1));
        assertTrue(e.getMessage().contains("--data") && e.getMessage().contains("trainA/"), e.getMessage());
    }

    @Test
    void customSpecsGetTheUsersFolderAndBatchSize() throws Exception {
        List<Object> seen = new ArrayList<>();
        BatchSource source = new InMemoryBatchSource(Nd4j.zeros(DataType.FLOAT, 6, 2), 3);
        DataSpec spec = new DataSpec.Custom("anything", (dir, batch) -> {
            seen.add(dir);
            seen.add(batch);
            return TrainingData.of(source);
        }, n -> Batch.of(Nd4j.zeros(DataType.FLOAT, n, 2)));
        assertSame(source, DataSpecs.open(spec, root, 3).source());
        assertEquals(List.of(root, 3), seen);
        assertArrayEquals(new long[] {5, 2}, spec.syntheticBatch(5).a().shape());
    }
}
