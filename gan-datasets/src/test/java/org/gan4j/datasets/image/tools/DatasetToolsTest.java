package org.gan4j.datasets.image.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetToolsTest {
    @TempDir
    Path tmp;

    private static BufferedImage square(int size, int inner) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int lo = (size - inner) / 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = x >= lo && x < lo + inner && y >= lo && y < lo + inner;
                img.setRGB(x, y, in ? 0xE0E0E0 : 0x202020);
            }
        }
        return img;
    }

    @Test
    void cannyFindsThinClosedEdgesOfASquareAndNothingInFlatAreas() {
        BufferedImage e = EdgeDetector.defaults().edges(square(64, 32));
        int edges = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean edge = (e.getRGB(x, y) & 0xff) == 0;
                if (edge) {
                    edges++;
                    int d = Math.min(Math.min(Math.abs(x - 16), Math.abs(x - 47)), Math.min(Math.abs(y - 16), Math.abs(y - 47)));
                    assertTrue(d <= 2, "edge pixel near the square's border: " + x + "," + y);
                }
            }
        }
        // a 32x32 square outline is about 4 x 32 pixels; thin edges: not much more than one pixel wide
        assertTrue(edges >= 100 && edges <= 300, "edge pixels " + edges);
        assertEquals(255, e.getRGB(32, 32) & 0xff);
        assertEquals(255, e.getRGB(3, 3) & 0xff);
    }

    @Test
    void makeEdgesWritesEdgePhotoPairsThatCheckClean() throws Exception {
        Path photos = tmp.resolve("photos");
        for (int i = 0; i < 10; i++) {
            ImageFiles.write(square(80 + i, 30 + i), photos.resolve("p" + i + ".png"));
        }
        Files.writeString(photos.resolve("broken.jpg"), "no");
        DatasetTools.Result r = DatasetTools.makeEdges(photos, tmp.resolve("out"), 32, 0.2, 1, EdgeDetector.defaults());
        assertEquals(Map.of("train", 8, "val", 2), r.written());
        assertEquals(1, r.skipped().size());
        BufferedImage pair = ImageIO.read(tmp.resolve("out/train").toFile().listFiles()[0]);
        assertEquals(64, pair.getWidth());
        assertEquals(32, pair.getHeight());
        DatasetCheck.Report rep = DatasetCheck.check(tmp.resolve("out"));
        assertEquals(DatasetCheck.Layout.PAIRED, rep.layout());
        assertTrue(rep.ok(), rep.format());
    }

    @Test
    void makePairedMatchesByNameAndReportsStrays() throws Exception {
        for (int i = 0; i < 3; i++) {
            ImageFiles.write(square(16, 8), tmp.resolve("A/train/x" + i + ".png"));
            ImageFiles.write(square(16, 4), tmp.resolve("B/train/x" + i + ".png"));
        }
        ImageFiles.write(square(16, 4), tmp.resolve("B/train/stray.png"));
        DatasetTools.Result r = DatasetTools.makePaired(tmp.resolve("A"), tmp.resolve("B"), tmp.resolve("AB"), 0, "png");
        assertEquals(Map.of("train", 3), r.written());
        assertTrue(r.skipped().containsKey(tmp.resolve("B/train/stray.png")));
        BufferedImage ab = ImageFiles.read(tmp.resolve("AB/train/x1.png"));
        assertEquals(32, ab.getWidth());
        assertEquals(square(16, 8).getRGB(8, 8) & 0xffffff, ab.getRGB(8, 8) & 0xffffff);
        assertEquals(square(16, 4).getRGB(5, 5) & 0xffffff, ab.getRGB(16 + 5, 5) & 0xffffff);
    }

    @Test
    void splitIsReproducibleAndComplete() throws Exception {
        for (int i = 0; i < 20; i++) {
            ImageFiles.write(square(8, 4), tmp.resolve("in/f" + i + ".png"));
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("trainA", 0.75);
        f.put("testA", 0.25);
        assertEquals(Map.of("trainA", 15, "testA", 5), DatasetTools.split(tmp.resolve("in"), tmp.resolve("o1"), f, 7).written());
        DatasetTools.split(tmp.resolve("in"), tmp.resolve("o2"), f, 7);
        assertEquals(ImageFiles.list(tmp.resolve("o1/testA")).stream().map(Path::getFileName).toList(),
                ImageFiles.list(tmp.resolve("o2/testA")).stream().map(Path::getFileName).toList());
        DatasetTools.split(tmp.resolve("in"), tmp.resolve("o3"), f, 8);
        assertFalse(ImageFiles.list(tmp.resolve("o1/testA")).stream().map(Path::getFileName).toList()
                .equals(ImageFiles.list(tmp.resolve("o3/testA")).stream().map(Path::getFileName).toList()));
    }

    @Test
    void checkListsEveryBadFile() throws Exception {
        ImageFiles.write(square(16, 8), tmp.resolve("ds/trainA/a.png"));
        Files.write(tmp.resolve("ds/trainA/zero.jpg"), new byte[0]);
        ImageFiles.write(square(16, 8), tmp.resolve("ds/trainB/b.png"));
        DatasetCheck.Report r = DatasetCheck.check(tmp.resolve("ds"));
        assertEquals(DatasetCheck.Layout.UNPAIRED, r.layout());
        assertEquals(1, r.badCount());
        assertTrue(r.format().contains("zero.jpg: empty file"), r.format());
    }

    @Test
    void collectPhotosGathersFilesAndFoldersAsPngsShrunkToTheLongerSide() throws Exception {
        Path src = tmp.resolve("pkg");
        ImageFiles.write(new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR), src.resolve("usr/share/a/big.jpg"));
        ImageFiles.write(new BufferedImage(40, 60, BufferedImage.TYPE_3BYTE_BGR), src.resolve("usr/share/b/small.png"));
        Path single = tmp.resolve("other/single.jpg");
        ImageFiles.write(new BufferedImage(90, 300, BufferedImage.TYPE_3BYTE_BGR), single);
        Path out = tmp.resolve("photos");

        DatasetTools.Result r = DatasetTools.collectPhotos(List.of(src, single), out, 100);
        assertEquals(3, r.total());
        assertEquals(List.of(out.resolve("big.png"), out.resolve("single.png"), out.resolve("small.png")), ImageFiles.list(out));
        BufferedImage big = ImageFiles.read(out.resolve("big.png"));
        assertEquals(100, big.getWidth());
        assertEquals(50, big.getHeight());
        BufferedImage tall = ImageFiles.read(out.resolve("single.png"));
        assertEquals(30, tall.getWidth());
        assertEquals(100, tall.getHeight());
        assertEquals(40, ImageFiles.read(out.resolve("small.png")).getWidth(), "never enlarged");

        // KDE's layout: one file name in many folders; the nearest folder that differs tells them apart
        ImageFiles.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), src.resolve("usr/share/c/x/big.png"));
        ImageFiles.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), src.resolve("usr/share/d/x/big.png"));
        Path out2 = tmp.resolve("p2");
        assertEquals(4, DatasetTools.collectPhotos(List.of(src, src.resolve("usr/share/a")), out2, 0).total());
        assertEquals(List.of("a_big.png", "c_big.png", "d_big.png", "small.png"),
                ImageFiles.list(out2).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(200, ImageFiles.read(out2.resolve("a_big.png")).getWidth());
        var missing = assertThrows(DatasetException.class,
                () -> DatasetTools.collectPhotos(List.of(tmp.resolve("nope")), tmp.resolve("p3"), 0));
        assertTrue(missing.getMessage().startsWith(tmp.resolve("nope") + ": no such file or folder"), missing.getMessage());
    }
}
