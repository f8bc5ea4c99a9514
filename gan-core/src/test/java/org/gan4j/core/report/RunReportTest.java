package org.gan4j.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gan4j.core.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of hand-made run folders: what the page shows must be what the files hold. */
class RunReportTest {
    @TempDir
    Path dir;

    /** A run of {@code rows} iterations, 10 per epoch, resumed at {@code resumeAt} (0: never), grids every 5 (every rows / 40 in long runs). */
    private Path run(String name, int rows, int resumeAt, int epochs, String lr) throws IOException {
        Path run = dir.resolve(name);
        Files.createDirectories(run.resolve("samples"));
        Files.writeString(run.resolve("config.properties"), "# gan4j run configuration\nconfig.learningRate=" + lr
                + "\nrun.epochs=" + epochs + "\nrun.seed=7\nvariant=gan\n");
        List<String> csv = new ArrayList<>();
        csv.add("iteration,epoch,seconds,loss_D,loss_G");
        double seconds = 0;
        for (int i = 1; i <= rows; i++) {
            seconds = i == resumeAt + 1 && resumeAt > 0 ? 0.5 : seconds + 0.25;
            csv.add(String.format(Locale.ROOT, "%d,%d,%.3f,%.6g,%.6g", i, (i - 1) / 10, seconds, 1.0 / i, 2 + Math.sin(i)));
        }
        Files.write(run.resolve("losses.csv"), csv, StandardCharsets.UTF_8);
        for (int i = 0; i <= rows; i += Math.max(5, rows / 40)) {
            ImageFiles.writePng(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY),
                    run.resolve("samples").resolve(String.format("iter-%06d.png", i)));
        }
        return run;
    }

    private static void checkpoint(Path run, int iteration) throws IOException {
        Path f = run.resolve("checkpoints").resolve(String.format("ckpt-%07d.zip", iteration));
        Files.createDirectories(f.getParent());
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("checkpoint.properties"));
            zip.write(("format=1\nvariant=gan\niteration=" + iteration + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void reportShowsTheFilesOfAFinishedRun() throws IOException {
        Path run = run("a", 30, 12, 3, "2e-4");
        checkpoint(run, 20);
        checkpoint(run, 30);
        Path file = RunReport.write(run);
        assertEquals(run.resolve("report.html"), file);
        String html = Files.readString(file);
        List<String> lines = Files.readAllLines(run.resolve("losses.csv"));
        String[] last = lines.get(lines.size() - 1).split(",");
        // the newest losses exactly as the log holds them
        assertTrue(html.contains("data-loss=\"loss_D\">" + last[3] + "<"), html);
        assertTrue(html.contains("data-loss=\"loss_G\">" + last[4] + "<"));
        // one chart per loss; the two kept checkpoints and the resume marked in each
        assertEquals(2, count(html, "<svg class=\"chart\""));
        assertEquals(4, count(html, "class=\"marker checkpoint\""));
        assertEquals(2, count(html, "class=\"marker resume\""));
        assertTrue(html.contains("resumes (12)"));
        // 3 epochs of 10 iterations from the log, 30 done: finished
        assertTrue(html.contains("data-state=\"finished\""), html);
        // every grid (7 <= MAX_GRIDS), as data URIs: no file outside the page is needed
        assertEquals(7, count(html, "<figure class=\"grid\""));
        assertFalse(html.contains("src=\"samples/"));
        byte[] png = Files.readAllBytes(run.resolve("samples/iter-000030.png"));
        assertTrue(html.contains(Base64.getEncoder().encodeToString(png)));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?:.*"), "no network resource");
        assertTrue(html.contains("<td>2e-4</td>"));
    }

    @Test
    void statusFromTheFolder() throws IOException {
        Path stopped = run("b", 25, 0, 3, "1e-3");
        Files.setLastModifiedTime(stopped.resolve("losses.csv"),
                java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        checkpoint(stopped, 20);
        RunReport.Status s = RunReport.status(RunFiles.read(stopped), Instant.now());
        assertEquals("stopped", s.state());
        assertEquals(25, s.iteration());
        assertEquals(30, s.planned());
        assertTrue(s.text().contains("continues from iteration 20"), s.text());
        assertEquals(0.25, s.secondsPerIteration(), 1e-9);

        // written just now by a process of this machine that is alive (this one): running, with an ETA
        new RunStatus(RunStatus.State.RUNNING, 25, 30, 10, Instant.now(), ProcessHandle.current().pid(),
                RunReport.hostName(), Map.of("backend", "CpuBackend"), Map.of()).write(stopped);
        s = RunReport.status(RunFiles.read(stopped), Instant.now());
        assertEquals("running", s.state());
        assertEquals(5 * 0.25, s.etaSeconds(), 1e-9);
        assertTrue(RunReport.html(stopped).contains("<td>CpuBackend</td>"));

        // a status left by a process that no longer exists: it was killed
        Process gone = new ProcessBuilder("true").start();
        long pid = gone.pid();
        assertEquals(0, assertDoesNotThrowWait(gone));
        new RunStatus(RunStatus.State.RUNNING, 25, 30, 10, Instant.now(), pid, RunReport.hostName(), Map.of(),
                Map.of()).write(stopped);
        s = RunReport.status(RunFiles.read(stopped), Instant.now());
        assertEquals("stopped", s.state());
        assertTrue(s.text().contains("ended without finishing"), s.text());
    }

    private static int assertDoesNotThrowWait(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void settingsOfTheTrainerFillInForAMissingConfig() throws IOException {
        Path run = run("c", 10, 0, 1, "x");
        Files.delete(run.resolve("config.properties"));
        new RunStatus(RunStatus.State.FINISHED, 10, 10, 10, Instant.now(), 1, "elsewhere", Map.of(),
                Map.of("variant", "dcgan", "run.seed", "3")).write(run);
        String html = RunReport.html(run);
        assertTrue(html.contains("<small>dcgan</small>"));
        assertTrue(html.contains("data-state=\"finished\""));
    }

    @Test
    void manyGridsAreSpreadEvenlyKeepingFirstAndLast() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            all.add(i);
        }
        List<Integer> shown = RunReport.spread(all, 16);
        assertEquals(16, shown.size());
        assertEquals(0, shown.get(0));
        assertEquals(100, shown.get(15));
    }

    @Test
    void longRunsStaySmall() throws IOException {
        Path run = run("long", 20000, 0, 100, "1");
        String html = RunReport.html(run);
        // 2 x 20,000 points reduced to the extremes of at most 528 pixel columns per raw curve
        assertTrue(html.length() < 400_000, "report of " + html.length() + " characters");
        assertEquals(RunReport.MAX_GRIDS, count(html, "<figure class=\"grid\""));
    }

    @Test
    void largeGridsAreFewer() throws IOException {
        Path run = run("big", 10, 0, 1, "1");
        java.util.Random random = new java.util.Random(1);
        BufferedImage noise = new BufferedImage(500, 500, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 500; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        for (int i = 0; i <= 10; i += 5) {
            ImageFiles.writePng(noise, run.resolve("samples").resolve(String.format("iter-%06d.png", i)));
        }
        long size = Files.size(run.resolve("samples/iter-000010.png"));
        assertTrue(3 * size > RunReport.GRID_BYTES, "incompressible grids of " + size + " bytes: fewer than 3 fit");
        String html = RunReport.html(run);
        assertEquals(2, count(html, "<figure class=\"grid\""), "the first and the newest only");
        assertTrue(html.contains("iteration 10</figcaption>") && html.contains("iteration 0</figcaption>"));
    }

    @Test
    void evaluationsAreShownAndCompared() throws IOException {
        Path a = run("a", 30, 0, 3, "2e-4");
        Path b = run("b", 20, 0, 3, "1e-3");
        new EvaluationResult("paired", "Paired scores", "12 pairs", List.of("L1", "PSNR (dB)"),
                List.of(new EvaluationResult.Row("G(A) vs B", List.of(0.125, 21.5)),
                        new EvaluationResult.Row("A vs B (identity)", List.of(0.5, 11.0))), List.of()).writeTo(a);
        EvaluationResult back = EvaluationResult.readAll(a).get(0);
        assertEquals(List.of(0.125, 21.5), back.rows().get(0).values());
        assertTrue(RunReport.html(a).contains("<td class=\"num\">21.5</td>"));

        Path out = dir.resolve("cmp/compare.html");
        RunReport.writeComparison(List.of(a, b), out);
        String html = Files.readString(out);
        assertEquals(2, count(html, "<svg class=\"chart\""));        // loss_D, loss_G
        assertEquals(4, count(html, "<polyline class=\"smooth\""));  // each with both runs
        assertEquals(2, count(html, "<figure class=\"grid\""));      // newest grid of each
        assertTrue(html.contains("config.learningRate"), "settings that differ");
        assertTrue(html.contains("<td class=\"num\">0.125</td>"));
    }

    @Test
    void aFolderThatIsNoRunIsRefusedByName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> RunReport.html(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("not a run folder"), e.getMessage());
    }

    @Test
    void aHalfWrittenLastLineIsLeftOut() throws IOException {
        Path run = run("d", 10, 0, 1, "1");
        Files.writeString(run.resolve("losses.csv"), "11,1,2.", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(RunReport.html(run).contains("data-iteration=\"10\""));
    }
}
