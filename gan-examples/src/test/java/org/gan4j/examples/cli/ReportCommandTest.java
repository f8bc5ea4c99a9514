package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gan report} on hand-made run folders, and which checkpoints name a run folder. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path run(String name, String loss) throws Exception {
        Path run = Files.createDirectories(dir.resolve(name));
        Files.writeString(run.resolve("config.properties"), "config.loss=" + loss + "\nrun.epochs=1\nvariant=gan\n");
        Files.writeString(run.resolve("losses.csv"), "iteration,epoch,seconds,loss_D,loss_G\n1,0,0.5,1.5,0.7\n2,0,1.0,1.25,0.75\n");
        return run;
    }

    private static String[] cli(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return new String[] {Integer.toString(GanCli.run(args)), err.toString()};
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void writesTheReportOfOneRunAndComparesSeveral() throws Exception {
        Path a = run("a", "non_saturating");
        Path b = run("b", "least_squares");
        assertEquals("0", cli("report", a.toString())[0]);
        assertTrue(Files.readString(a.resolve("report.html")).contains("data-loss=\"loss_D\">1.25<"));

        String[] noOut = cli("report", a.toString(), b.toString());
        assertEquals("2", noOut[0]);
        assertTrue(noOut[1].contains("needs --out"), noOut[1]);

        Path compare = dir.resolve("compare.html");
        assertEquals("0", cli("report", a.toString(), b.toString(), "--out", compare.toString())[0]);
        String html = Files.readString(compare);
        assertTrue(html.contains("least_squares") && html.contains("href=\"a/report.html\""), "settings and links");
        assertTrue(!Files.exists(b.resolve("report.html")), "comparing only reads the runs");
    }

    @Test
    void aMissingFolderIsOneClearLine() {
        String[] r = cli("report", dir.resolve("nope").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("error: ") && r[1].contains("nope") && !r[1].contains("\tat "), r[1]);
    }

    @Test
    void checkpointsInARunFolderNameIt() throws Exception {
        Path run = run("c", "x");
        Path cp = Files.createDirectories(run.resolve("checkpoints")).resolve("ckpt-0000002.zip");
        Files.writeString(cp, "not read here");
        assertEquals(Optional.of(run), StoredEvaluations.runFolderOf(run));
        assertEquals(Optional.of(run.toAbsolutePath().normalize()), StoredEvaluations.runFolderOf(cp));
        Path lone = Files.writeString(dir.resolve("ckpt.zip"), "x");
        assertEquals(Optional.empty(), StoredEvaluations.runFolderOf(lone));
        assertEquals(Optional.empty(), StoredEvaluations.runFolderOf(run.resolve("checkpoints")));
    }
}
