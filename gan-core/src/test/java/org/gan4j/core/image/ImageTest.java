package org.gan4j.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageTest {
    @TempDir
    Path dir;

    @Test
    void pixelScalingRoundTrips() {
        for (int v = 0; v <= 255; v++) {
            assertEquals(v, ImageTensors.toPixel(ImageTensors.toUnit(v)));
        }
        assertEquals(0, ImageTensors.toPixel(-3f));
        assertEquals(255, ImageTensors.toPixel(3f));
    }

    @Test
    void rgbTensorToImageAndBack() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        img.setRGB(2, 1, 0x00ff80);
        INDArray t = ImageTensors.toTensor(img, 3);
        assertEquals(List.of(1L, 3L, 2L, 3L), List.of(t.size(0), t.size(1), t.size(2), t.size(3)));
        assertEquals(1f, t.getFloat(0, 0, 0, 0), 1e-6);   // red channel of (0,0)
        assertEquals(-1f, t.getFloat(0, 1, 0, 0), 1e-6);  // green of (0,0)
        BufferedImage back = ImageTensors.toImage(t);
        assertEquals(0xff0000, back.getRGB(0, 0) & 0xffffff);
        assertEquals(0x00ff80, back.getRGB(2, 1) & 0xffffff);
    }

    @Test
    void grayImageIsReadFromItsRaster() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 128);
        img.getRaster().setSample(1, 0, 0, 33);
        INDArray gray = ImageTensors.toTensor(img, 1);
        assertEquals(ImageTensors.toUnit(128), gray.getFloat(0, 0, 0, 0), 0f);
        assertEquals(ImageTensors.toUnit(33), gray.getFloat(0, 0, 0, 1), 0f);
        INDArray rgb = ImageTensors.toTensor(img, 3);
        for (int c = 0; c < 3; c++) {
            assertEquals(ImageTensors.toUnit(33), rgb.getFloat(0, c, 0, 1), 0f);
        }
        // and back: toImage writes the same raster values
        BufferedImage back = ImageTensors.toImage(gray);
        assertEquals(128, back.getRaster().getSample(0, 0, 0));
        assertEquals(33, back.getRaster().getSample(1, 0, 0));
    }

    @Test
    void gridPlacesImagesRowByRow() throws Exception {
        INDArray batch = Nd4j.zeros(3, 1, 2, 2).subi(1);
        batch.putScalar(new long[] {2, 0, 1, 1}, 1f); // last image, bottom-right pixel white
        BufferedImage grid = ImageGrid.of(batch, 2, 1);
        assertEquals(2 * 2 + 3, grid.getWidth());
        assertEquals(2 * 2 + 3, grid.getHeight());
        // third image starts the second row at (1, 4); its pixel (1,1) is at (2, 5)
        assertEquals(255, grid.getRaster().getSample(2, 5, 0));
        assertEquals(0, grid.getRaster().getSample(1, 4, 0));
        Path png = dir.resolve("sub/grid.png");
        ImageFiles.writePng(ImageGrid.scaled(grid, 3), png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(21, read.getWidth());
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.toImage(Nd4j.zeros(2, 2, 2, 2)));
    }

    @Test
    void lossPlotFromCsv() throws Exception {
        Path csv = dir.resolve("losses.csv");
        StringBuilder sb = new StringBuilder("iteration,epoch,seconds,loss_D,loss_G\n");
        for (int i = 1; i <= 50; i++) {
            sb.append(i).append(",0,").append(i * 0.1).append(',').append(1.0 / i).append(',').append(i % 2 == 0 ? "" : "0.7").append('\n');
        }
        Files.writeString(csv, sb);
        Path png = dir.resolve("losses.png");
        LossPlot.render(csv, png, 400, 200);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        boolean sawBlue = false;
        for (int x = 0; x < 400 && !sawBlue; x++) {
            for (int y = 0; y < 200; y++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0x1f77b4) {
                    sawBlue = true;
                    break;
                }
            }
        }
        assertTrue(sawBlue, "the first curve is drawn");
    }
}
