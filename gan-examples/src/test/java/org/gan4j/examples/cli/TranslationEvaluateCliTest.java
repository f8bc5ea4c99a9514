package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.gan4j.core.report.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gan evaluate translation on a two-iteration CycleGAN: both directions, stored in the run, clear errors. */
class TranslationEvaluateCliTest {
    @TempDir
    Path dir;

    /** trainA/B, testA/B: dark discs (A) and white squares (B) of {@code size}, labels by colour. */
    static Path shapes(Path root, int size) throws Exception {
        Random rng = new Random(3);
        for (String folder : List.of("trainA", "trainB", "testA", "testB")) {
            Path d = Files.createDirectories(root.resolve(folder));
            List<String> labels = new ArrayList<>(List.of("file,label"));
            boolean a = folder.endsWith("A");
            for (int i = 0; i < (folder.startsWith("train") ? 30 : 8); i++) {
                boolean red = rng.nextBoolean();
                int side = size / 3 + rng.nextInt(size / 3);
                int x = rng.nextInt(size - side);
                int y = rng.nextInt(size - side);
                BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(a ? Color.BLACK : Color.WHITE);
                g.fillRect(0, 0, size, size);
                g.setColor(red ? Color.RED : Color.GREEN);
                if (a) {
                    g.fillOval(x, y, side, side);
                } else {
                    g.fillRect(x, y, side, side);
                }
                g.dispose();
                String name = "i" + i + ".png";
                ImageIO.write(img, "png", d.resolve(name).toFile());
                labels.add(name + "," + (red ? "red" : "green"));
            }
            Files.write(d.resolve("labels.csv"), labels);
        }
        return root;
    }

    @Test
    void scoresBothDirectionsOfACycleGanAndStoresThem() throws Exception {
        Path data = shapes(dir.resolve("shapes"), 32);
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", "cyclegan", "--data", data.toString(), "--out", run.toString(),
                "--preset", "cpu", "--set", "imageSize=32", "--set", "loadSize=32", "--set", "ngf=4", "--set", "ndf=4",
                "--set", "blocks=1", "--set", "dLayers=1", "--set", "poolSize=2", "--max-iterations", "1"));
        String[] r = CliOutput.run("evaluate", "translation", "--checkpoint", run.toString(), "--data", data.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("A->B: 8 images of A translated into B") && out.contains("B->A: 8 images"), out);
        assertTrue(out.contains("classifier classes of B") && out.contains("held-out accuracy"), out);
        EvaluationResult stored = EvaluationResult.read(run.resolve("eval/translation.json"));
        assertEquals(List.of("A->B translated", "A untranslated", "real B", "B->A translated", "B untranslated", "real A"),
                stored.rows().stream().map(EvaluationResult.Row::name).toList());
        assertTrue(Double.isFinite(stored.rows().get(0).values().get(7)), "cycle L1 of a two-way model");

        String[] again = CliOutput.run("evaluate", "translation", "--checkpoint", run.toString(), "--data", data.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals("0", again[0], again[2]);
        assertTrue(again[1].contains("cached"), "the second run reuses the classifiers: " + again[1]);

        Path big = shapes(dir.resolve("big"), 64);
        String[] size = CliOutput.run("evaluate", "translation", "--checkpoint", run.toString(), "--data", big.toString(),
                "--cache", dir.resolve("cache").toString());
        assertTrue(!size[0].equals("0") && size[2].contains("64x64") && size[2].contains("32x32")
                && size[2].lines().count() == 1, size[2]);
        String[] missing = CliOutput.run("evaluate", "translation", "--checkpoint", run.toString(), "--data",
                dir.resolve("none").toString());
        assertTrue(!missing[0].equals("0") && missing[2].contains("none") && missing[2].contains("trainA"), missing[2]);
    }
}
