package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** srresnet -> srgan --init-from -> upscale -> evaluate sr, a few tiny iterations end to end. */
class SrCliTest {
    @TempDir
    Path dir;

    @Test
    void trainInitUpscaleEvaluate() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(44 + 4 * i, 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, ((x * 13 + i * 40) & 0xff) << 16 | ((y * 7) & 0xff) << 8 | ((x * y) & 0xff));
                }
            }
            ImageIO.write(img, "png", photos.resolve("p" + i + ".png").toFile());
        }
        String[] tiny = {"--set", "blocks=1", "--set", "features=8", "--set", "cropSize=16"};
        Path sr = dir.resolve("srresnet");
        assertEquals(0, GanCli.run(concat(new String[] {"train", "srresnet", "--preset", "cpu", "--data", photos.toString(),
            "--out", sr.toString(), "--batch", "2", "--max-iterations", "2", "--sample-every", "1"}, tiny)));
        assertTrue(Files.exists(sr.resolve("samples/latest.png")));
        Path gan = dir.resolve("srgan");
        assertEquals(0, GanCli.run(concat(new String[] {"train", "srgan", "--preset", "cpu", "--data", photos.toString(),
            "--out", gan.toString(), "--batch", "2", "--max-iterations", "1", "--init-from", sr.toString(),
            "--set", "discriminatorFilters=4", "--set", "discriminatorDense=8"}, tiny)));
        assertTrue(Files.readString(gan.resolve("config.properties")).contains("run.initFrom="));
        // a generator of another size cannot be the starting point
        assertEquals(2, GanCli.run("train", "srgan", "--preset", "cpu", "--data", photos.toString(), "--out",
                dir.resolve("bad").toString(), "--max-iterations", "1", "--init-from", sr.toString()));

        Path up = dir.resolve("up");
        assertEquals(0, GanCli.run("upscale", "--checkpoint", gan.toString(), "--input", photos.resolve("p1.png").toString(),
                "--out", up.toString(), "--tile", "16", "--overlap", "4"));
        BufferedImage big = ImageIO.read(up.resolve("p1.png").toFile());
        assertEquals(192, big.getWidth());
        assertEquals(160, big.getHeight());

        PrintStream old = System.out;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        System.setOut(new PrintStream(text, true));
        try {
            assertEquals(0, GanCli.run("evaluate", "sr", "--checkpoint", sr.toString(), "--data", photos.toString(),
                    "--strips", dir.resolve("strips").toString()));
        } finally {
            System.setOut(old);
        }
        assertTrue(text.toString().contains("mean (3 images)"), text.toString());
        assertTrue(Files.exists(dir.resolve("strips/p0.png")));
        // on a run folder without --strips, the strips go into the run for its report
        assertEquals(0, GanCli.run("evaluate", "sr", "--checkpoint", sr.toString(), "--data", photos.toString()));
        var stored = org.gan4j.core.report.EvaluationResult.read(sr.resolve("eval/sr.json"));
        assertEquals(3, stored.images().size());
        assertTrue(Files.exists(sr.resolve(stored.images().get(0))), stored.images().get(0));
        assertTrue(Files.readString(sr.resolve("report.html")).contains("class=\"eval-img\""));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
