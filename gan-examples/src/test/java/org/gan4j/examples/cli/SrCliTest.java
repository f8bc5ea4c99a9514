package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        assertTrue(text.toString().contains("realism: skipped"), text.toString()); // all smaller than a patch
        // bicubic | SR | HR of the central 40x40 of the 44x40 photo, 4-pixel white gaps
        BufferedImage strip = ImageIO.read(dir.resolve("strips/p0.png").toFile());
        assertEquals(3 * 40 + 2 * 4, strip.getWidth());
        assertEquals(40, strip.getHeight());
        assertEquals(0xffffff, strip.getRGB(41, 20) & 0xffffff);
        assertEquals(0xffffff, strip.getRGB(2 * 44 - 1, 0) & 0xffffff);
        // on a run folder without --strips, the strips go into the run for its report
        assertEquals(0, GanCli.run("evaluate", "sr", "--checkpoint", sr.toString(), "--data", photos.toString()));
        var stored = org.gan4j.core.report.EvaluationResult.read(sr.resolve("eval/sr.json"));
        assertEquals(3, stored.images().size());
        assertTrue(Files.exists(sr.resolve(stored.images().get(0))), stored.images().get(0));
        assertTrue(Files.readString(sr.resolve("report.html")).contains("class=\"eval-img\""));
        assertEquals(java.util.List.of("PSNR (dB)", "SSIM"), stored.columns());

        // photos that hold 64x64 patches: the realism score (two-sample accuracy) joins the table for both rows
        Path larger = Files.createDirectories(dir.resolve("larger"));
        for (int i = 0; i < 2; i++) {
            BufferedImage img = new BufferedImage(132, 128, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, ((x * 5 + i * 90) & 0xff) << 16 | ((y * 3) & 0xff) << 8 | ((x ^ y) & 0xff));
                }
            }
            ImageIO.write(img, "png", larger.resolve("q" + i + ".png").toFile());
        }
        assertEquals(0, GanCli.run("evaluate", "sr", "--checkpoint", sr.toString(), "--data", larger.toString(),
                "--realism-patches", "3"));
        stored = org.gan4j.core.report.EvaluationResult.read(sr.resolve("eval/sr.json"));
        assertEquals(java.util.List.of("PSNR (dB)", "SSIM", "2-sample % (realism)"), stored.columns());
        for (var row : stored.rows()) {
            double realism = row.values().get(2);
            assertTrue(realism >= 0 && realism <= 100, row.toString());
        }
        assertTrue(stored.details().contains("6 patches of 64x64"), stored.details()); // 2 images x 3 patches
    }

    @Test
    void realismPatchesAreTheDisjointGridCellsWithTheMostDetail() {
        int w = 200;
        int h = 130; // a 3 x 2 grid of 64x64 cells; the rest of the image is never used
        double[] detail = new double[w * h];
        // cell (col 2, row 1) gets the most detail, then (col 0, row 1), then (col 1, row 0); a bright pixel
        // outside the grid must not count
        fill(detail, w, 128, 64, 3.0);
        fill(detail, w, 0, 64, 2.0);
        fill(detail, w, 64, 0, 1.0);
        detail[129 * w + 199] = 1e9;
        var all = SrEvaluateCommand.patchPlaces(detail, w, 64, 100);
        assertEquals(java.util.List.of("0,0", "64,0", "128,0", "0,64", "64,64", "128,64"), places(all));
        assertEquals(java.util.List.of("64,0", "0,64", "128,64"), places(SrEvaluateCommand.patchPlaces(detail, w, 64, 3)));
        assertEquals(java.util.List.of("128,64"), places(SrEvaluateCommand.patchPlaces(detail, w, 64, 1)));
        assertEquals(0, SrEvaluateCommand.patchPlaces(detail, w, 64, 0).size());
        assertEquals(0, SrEvaluateCommand.patchPlaces(new double[63 * 500], 63, 64, 10).size());

        BufferedImage a = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        a.setRGB(0, 0, 0x102030);
        b.setRGB(0, 0, 0x0a2a30);
        assertArrayEquals(new double[] {6 + 10 + 0, 0}, SrEvaluateCommand.detail(a, b));
    }

    private static void fill(double[] detail, int w, int x0, int y0, double v) {
        for (int y = y0; y < y0 + 64; y++) {
            for (int x = x0; x < x0 + 64; x++) {
                detail[y * w + x] = v;
            }
        }
    }

    private static java.util.List<String> places(java.util.List<int[]> p) {
        return p.stream().map(q -> q[0] + "," + q[1]).toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
