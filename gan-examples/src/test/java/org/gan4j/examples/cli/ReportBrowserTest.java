package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.run.RunConfig;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.gan4j.models.unconditional.Gan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The report of a tiny real run (MLP GAN on 8x8 noise images, stopped at 24 iterations and resumed to 40)
 * rendered by headless Chromium: the page's DOM after its script ran must show what the run folder holds.
 * Skipped, saying why, where no Chromium is installed ({@code .ci/run} installs Debian's package). The
 * screenshot is kept in {@code target/report-browser/}.
 */
class ReportBrowserTest {
    private static final int SAMPLE_EVERY = 5;

    @TempDir
    Path dir;

    @Test
    void reportOfATinyRunInChromium() throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            String given = System.getenv("GAN4J_CHROMIUM");
            String why = given != null && !given.isBlank() ? "GAN4J_CHROMIUM=" + given + " is not an executable file"
                    : "no chromium on the PATH: install Debian's 'chromium' package (or set GAN4J_CHROMIUM) to run it";
            System.out.println("ReportBrowserTest skipped: " + why);
            Assumptions.abort(why);
        }
        Path run = dir.resolve("tiny");
        Nd4j.getRandom().setSeed(5);
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 1, 8, 8).muli(2).subi(1);
        InMemoryBatchSource data = new InMemoryBatchSource(images, 8); // 8 batches per epoch, 5 epochs: 40 iterations
        Path lossLog;
        Path samples;
        try (RunDirectory folder = RunDirectory.open(run, "ReportBrowserTest")) {
            folder.writeConfig(new RunConfig("gan", tinyGan().config(), Map.of("epochs", "5", "batch", "8", "seed", "3")));
            Runs.fit(trainer(data, folder).maxIterations(24).build(), folder);
            Trainer resumed = trainer(data, folder).build();
            resumed.resumeFrom(Checkpoint.read(folder.checkpoints()).file());
            Runs.fit(resumed, folder);
            lossLog = folder.lossLog();
            samples = folder.samples();
        }

        Path report = run.resolve("report.html");
        assertTrue(Files.isRegularFile(report));
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        String[] rendered = runChromium(chromium.get(), profile, report, "--enable-logging=stderr", "--v=0", "--dump-dom");
        String dom = rendered[0];
        assertTrue(!rendered[1].contains("Uncaught"), "the page's script ran without errors: " + rendered[1]);

        List<String> csv = Files.readAllLines(lossLog);
        String[] header = csv.get(0).split(",");
        String[] last = csv.get(csv.size() - 1).split(",");
        assertEquals("40", last[0]);
        int losses = header.length - 3;
        assertTrue(dom.contains("id=\"status\" class=\"status finished\""), "finished");
        assertEquals(losses, count(dom, "<svg class=\"chart\""), "one chart per loss column");
        for (int k = 3; k < header.length; k++) {
            assertTrue(dom.contains("data-loss=\"" + header[k] + "\">" + last[k] + "</td>"), header[k] + " = " + last[k]);
        }
        assertEquals(losses, count(dom, "class=\"marker resume\""), "the resume at 24 in every chart");
        assertEquals(3 * losses, count(dom, "class=\"marker checkpoint\""), "the 3 kept checkpoints in every chart");
        long grids;
        try (Stream<Path> s = Files.list(samples)) {
            grids = s.filter(f -> f.getFileName().toString().startsWith("iter-")).count();
        }
        assertEquals(40 / SAMPLE_EVERY + 2, grids, "every 5 iterations, and at the stop (24)");
        assertEquals(grids, count(dom, "<figure class=\"grid"));
        // the script ran: the viewer shows the newest grid and says which
        assertTrue(Pattern.compile("<img id=\"grid-view\"[^>]*src=\"data:image/png;base64,").matcher(dom).find(), "viewer");
        assertTrue(dom.contains("iteration 40 (" + grids + " of " + grids + ")"), "viewer label");

        Path keep = Files.createDirectories(Path.of("target", "report-browser"));
        Files.copy(report, keep.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path shot = keep.resolve("screenshot.png");
        Files.deleteIfExists(shot);
        runChromium(chromium.get(), profile, report, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,1800",
                "--hide-scrollbars");
        BufferedImage png = ImageIO.read(shot.toFile());
        assertEquals(1280, png.getWidth());
        assertTrue(distinctColours(png) > 20, "the screenshot shows a page, not a blank");
        System.out.println("report screenshot: " + shot.toAbsolutePath());
    }

    private static GanVariant tinyGan() {
        return Gan.builder().imageShape(1, 8, 8).latentSize(8).build(3);
    }

    private static Trainer.Builder trainer(InMemoryBatchSource data, RunDirectory folder) {
        return Trainer.builder(tinyGan(), data).epochs(5).seed(3).runConfig("epochs", "5")
                .listeners(folder.listeners(SAMPLE_EVERY, 10, 3, 2));
    }

    /** Chromium from GAN4J_CHROMIUM or the PATH. */
    static Optional<Path> chromium() {
        String given = System.getenv("GAN4J_CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs headless Chromium offline on {@code page}; returns its standard output and error. */
    private static String[] runChromium(Path chromium, Path profile, Path page, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(err));
        return new String[] {Files.readString(out, StandardCharsets.UTF_8), readQuietly(err)};
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
