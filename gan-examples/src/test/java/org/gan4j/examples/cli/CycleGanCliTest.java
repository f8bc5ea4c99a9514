package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.gan4j.models.i2i.Translator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train cyclegan, resume and translate both ways on a generated unpaired JPEG dataset (circles vs squares). */
class CycleGanCliTest {
    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void unpaired() throws Exception {
        data = dir.resolve("circles2squares");
        int[][] counts = {{3, 2}, {2, 2}}; // train A/B, test A/B
        String[] splits = {"train", "test"};
        for (int s = 0; s < 2; s++) {
            for (int side = 0; side < 2; side++) {
                Path folder = data.resolve(splits[s] + (side == 0 ? "A" : "B"));
                Files.createDirectories(folder);
                for (int i = 0; i < counts[s][side]; i++) {
                    BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    g.setColor(side == 0 ? Color.WHITE : new Color(30, 30, 60));
                    g.fillRect(0, 0, 40, 40);
                    g.setColor(new Color(50 * i, 120, 200));
                    if (side == 0) {
                        g.fillOval(6 + 3 * i, 8, 22, 22);
                    } else {
                        g.fillRect(8, 6 + 3 * i, 20, 20);
                    }
                    g.dispose();
                    assertTrue(ImageIO.write(img, "jpg", folder.resolve("img" + i + ".jpg").toFile()));
                }
            }
        }
    }

    @Test
    void trainResumeTranslateBothWays() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", "cyclegan", "--data", data.toString(), "--out", run.toString(),
                "--preset", "cpu", "--set", "imageSize=32", "--set", "ngf=4", "--set", "ndf=4", "--set", "blocks=1",
                "--set", "dLayers=1", "--set", "poolSize=2", "--max-iterations", "2", "--sample-every", "1"));
        assertTrue(Files.exists(run.resolve("checkpoints/ckpt-0000002.zip")));
        BufferedImage grid = ImageIO.read(run.resolve("samples/latest.png").toFile());
        // 2 test A rows + 2 test B rows of 3 columns
        assertTrue(grid.getWidth() >= 3 * 32 && grid.getHeight() >= 4 * 32, grid.getWidth() + "x" + grid.getHeight());
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(run.resolve("config.properties"))) {
            config.load(in);
        }
        assertEquals("cyclegan", config.getProperty("variant"), config.toString());
        assertEquals(0, GanCli.run("resume", "--run", run.toString(), "--max-iterations", "3"));
        assertTrue(Files.exists(run.resolve("checkpoints/ckpt-0000003.zip")));
        assertTrue(Files.size(run.resolve("losses.csv")) > 0);
        assertTrue(Files.readString(run.resolve("losses.csv")).contains("loss_cycle_A"));

        Path odd = dir.resolve("in");
        Files.createDirectories(odd);
        ImageIO.write(new BufferedImage(45, 27, BufferedImage.TYPE_INT_RGB), "jpg", odd.resolve("odd.jpg").toFile());
        Path ab = dir.resolve("ab");
        Path ba = dir.resolve("ba");
        assertEquals(0, GanCli.run("translate", "--checkpoint", run.toString(), "--input", odd.toString(),
                "--out", ab.toString()));
        assertEquals(0, GanCli.run("translate", "--checkpoint", run.toString(), "--input", odd.toString(),
                "--out", ba.toString(), "--direction", "BtoA"));
        BufferedImage tab = ImageIO.read(ab.resolve("odd.png").toFile());
        BufferedImage tba = ImageIO.read(ba.resolve("odd.png").toFile());
        assertEquals(45, tba.getWidth());
        assertEquals(27, tba.getHeight());
        assertNotEquals(tab.getRGB(20, 13), tba.getRGB(20, 13), "G_A and G_B are different networks");
        // the Java API loads either direction
        BufferedImage api = Translator.load(run, true).translate(ImageIO.read(odd.resolve("odd.jpg").toFile()));
        assertEquals(tba.getRGB(20, 13), api.getRGB(20, 13));
    }
}
