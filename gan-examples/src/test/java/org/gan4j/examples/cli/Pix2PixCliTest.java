package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train pix2pix, translate and evaluate paired on a generated 32x32 paired dataset. */
class Pix2PixCliTest {
    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void pairs() throws Exception {
        data = dir.resolve("pairs");
        for (String split : new String[] {"train", "val"}) {
            Files.createDirectories(data.resolve(split));
            for (int i = 0; i < 3; i++) {
                BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 32, 32);
                g.setColor(Color.BLACK);
                g.drawOval(4 + i, 6, 20, 18);
                g.setColor(new Color(40 * i, 120, 200));
                g.fillOval(36 + i, 6, 20, 18);
                g.dispose();
                ImageIO.write(img, "png", data.resolve(split).resolve("p" + i + ".png").toFile());
            }
        }
    }

    @Test
    void trainTranslateEvaluate() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", "pix2pix", "--data", data.toString(), "--out", run.toString(),
                "--preset", "cpu", "--set", "imageSize=32", "--set", "loadSize=36", "--set", "unetDepth=5",
                "--set", "ngf=4", "--set", "ndf=4", "--set", "dLayers=1", "--max-iterations", "2",
                "--sample-every", "1"));
        assertTrue(Files.exists(run.resolve("checkpoints/ckpt-0000002.zip")));
        BufferedImage grid = ImageIO.read(run.resolve("samples/latest.png").toFile());
        assertTrue(grid.getWidth() > 3 * 32 && grid.getHeight() > 3 * 32, "3 triplets of val pairs");
        assertEquals(0, GanCli.run("resume", "--run", run.toString(), "--max-iterations", "3"));
        assertTrue(Files.exists(run.resolve("checkpoints/ckpt-0000003.zip")));

        Path odd = dir.resolve("in");
        Files.createDirectories(odd);
        ImageIO.write(new BufferedImage(45, 27, BufferedImage.TYPE_INT_RGB), "jpg", odd.resolve("odd.jpg").toFile());
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", odd.resolve("square.png").toFile());
        Path out = dir.resolve("out");
        assertEquals(0, GanCli.run("translate", "--checkpoint", run.toString(), "--input", odd.toString(),
                "--out", out.toString()));
        BufferedImage t = ImageIO.read(out.resolve("odd.png").toFile());
        assertEquals(45, t.getWidth());
        assertEquals(27, t.getHeight());
        assertTrue(Files.exists(out.resolve("square.png")));
        assertEquals(2, GanCli.run("translate", "--checkpoint", run.toString(), "--input", odd.toString(),
                "--out", out.toString(), "--direction", "BtoA"), "pix2pix is one-way");

        PrintStream old = System.out;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        System.setOut(new PrintStream(text, true));
        try {
            assertEquals(0, GanCli.run("evaluate", "paired", "--checkpoint", run.toString(), "--data", data.toString()));
        } finally {
            System.setOut(old);
        }
        String report = text.toString();
        assertTrue(report.contains("3 pairs") && report.contains("G(A) vs B") && report.contains("A vs B (identity)"), report);
        // evaluated on a run folder: stored there and shown in its report
        var stored = org.gan4j.core.report.EvaluationResult.read(run.resolve("eval/paired.json"));
        assertEquals(List.of("G(A) vs B", "A vs B (identity)"), stored.rows().stream().map(r -> r.name()).toList());
        assertTrue(Files.readString(run.resolve("report.html")).contains("data-eval=\"paired\""));
    }
}
