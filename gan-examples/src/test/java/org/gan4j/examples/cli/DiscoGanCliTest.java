package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train discogan on a tiny paired JPEG folder, look at the grid, translate both ways. */
class DiscoGanCliTest {
    @TempDir
    Path dir;

    @Test
    void trainAndTranslateBothWays() throws Exception {
        Path data = dir.resolve("pairs");
        for (String split : new String[] {"train", "val"}) {
            Files.createDirectories(data.resolve(split));
            for (int i = 0; i < (split.equals("train") ? 6 : 2); i++) {
                BufferedImage img = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 64, 64);
                g.setColor(Color.BLACK);
                g.drawOval(8 + i, 12, 40, 36);
                g.setColor(new Color(40 * i, 120, 200));
                g.fillOval(72 + i, 12, 40, 36);
                g.dispose();
                ImageIO.write(img, "jpg", data.resolve(split).resolve("p" + i + ".jpg").toFile());
            }
        }
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", "discogan", "--data", data.toString(), "--out", run.toString(),
                "--preset", "cpu", "--set", "ngf=4", "--set", "ndf=4", "--batch", "2", "--max-iterations", "3",
                "--sample-every", "1"));
        assertTrue(Files.exists(run.resolve("checkpoints/ckpt-0000003.zip")));
        BufferedImage grid = ImageIO.read(run.resolve("samples/latest.png").toFile());
        // 2 val pairs: rows A | AB | ABA and B | BA | BAB, i.e. 4 rows of 3 images of 64
        assertTrue(grid.getWidth() >= 3 * 64 && grid.getHeight() >= 4 * 64, grid.getWidth() + "x" + grid.getHeight());
        String log = Files.readString(run.resolve("losses.csv"));
        assertTrue(log.lines().findFirst().orElseThrow().contains("loss_FM_A"), log);

        Path in = dir.resolve("in");
        Files.createDirectories(in);
        ImageIO.write(new BufferedImage(70, 50, BufferedImage.TYPE_INT_RGB), "jpg", in.resolve("odd.jpg").toFile());
        for (String direction : new String[] {"AtoB", "BtoA"}) {
            Path out = dir.resolve("out" + direction);
            assertEquals(0, GanCli.run("translate", "--checkpoint", run.toString(), "--input", in.toString(),
                    "--out", out.toString(), "--direction", direction));
            BufferedImage t = ImageIO.read(out.resolve("odd.png").toFile());
            assertEquals(70, t.getWidth());
            assertEquals(50, t.getHeight());
        }
    }
}
