package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.mnist.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Reading a folder of digit PNGs written by gan4j or by another framework. */
class DigitFolderTest {
    @TempDir
    Path dir;

    @Test
    void grayPngsReadBackAsTheMnistTensors() throws Exception {
        INDArray digits = EvalTestData.mnist(MnistSplit.TEST).images(EvalTestData.range(0, 5));
        for (int i = 0; i < 5; i++) {
            ImageFiles.writePng(ImageTensors.toImage(digits.get(NDArrayIndex.point(i))), dir.resolve("d" + i + ".png"));
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        INDArray read = MnistEvaluator.readImages(dir);
        assertArrayEquals(new long[] {5, 1, 28, 28}, read.shape());
        assertEquals(digits, read, "8-bit values map to [-1, 1] exactly as MNIST's do");
    }

    @Test
    void wrongSizeIsRefusedNamingTheFile() throws Exception {
        ImageFiles.writePng(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), dir.resolve("a.png"));
        ImageFiles.writePng(new BufferedImage(32, 28, BufferedImage.TYPE_BYTE_GRAY), dir.resolve("b-wide.png"));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistEvaluator.readImages(dir));
        assertTrue(e.getMessage().contains("b-wide.png") && e.getMessage().contains("32x28"), e.getMessage());
    }

    @Test
    void emptyFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "no images here");
        DatasetException e = assertThrows(DatasetException.class, () -> MnistEvaluator.readImages(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("no images"), e.getMessage());
    }

    @Test
    void colourImagesAreReadAsLuma() throws Exception {
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(3, 4, 0xff0000);  // pure red: luma round(0.299 * 255) = 76
        rgb.setRGB(5, 6, 0xc8c8c8);  // gray 200 in an RGB file stays 200
        ImageFiles.writePng(rgb, dir.resolve("colour.png"));
        INDArray read = MnistEvaluator.readImages(dir);
        assertEquals(ImageTensors.toUnit(76), read.getFloat(0, 0, 4, 3), 1e-6);
        assertEquals(ImageTensors.toUnit(200), read.getFloat(0, 0, 6, 5), 1e-6);
        assertEquals(-1f, read.getFloat(0, 0, 0, 0), 0f);
    }
}
