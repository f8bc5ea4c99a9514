package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {
    @TempDir
    Path tmp;

    @Test
    void checkOfAMissingRootFailsWithAClearMessage() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int code;
        try {
            code = new CommandLine(new DataCommand()).execute("check", tmp.resolve("missing").toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(1, code);
        assertTrue(buf.toString().contains("dataset root not found"), buf.toString());
    }

    private record Run(int code, String output) {}

    private static Run data(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            return new Run(new CommandLine(new DataCommand()).execute(args), buf.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void fashionTasksReportBadInputOnOneErrorLine() {
        Run unknown = data("fashion-edges", "--fashion-mnist", tmp.toString(), "--out", tmp.resolve("o").toString(),
                "--classes", "sneaker,boot");
        assertEquals(1, unknown.code());
        assertTrue(unknown.output().startsWith("error: --classes: unknown Fashion-MNIST class 'boot'"), unknown.output());
        assertEquals(1, unknown.output().lines().count(), unknown.output());

        Run missing = data("fashion-unpaired", "--fashion-mnist", tmp.resolve("none").toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.output().startsWith("error: " + tmp.resolve("none") + ": no such folder")
                && missing.output().contains("apt-get install dataset-fashion-mnist"), missing.output());

        Run photos = data("collect-photos", "--out", tmp.resolve("p").toString(), tmp.resolve("none").toString());
        assertEquals(1, photos.code());
        assertTrue(photos.output().startsWith("error: " + tmp.resolve("none") + ": no such file or folder"), photos.output());
    }

    @Test
    void helpListsTheBenchmarkTaskCommands() {
        Run help = data("--help");
        for (String c : new String[] {"fashion-edges", "fashion-unpaired", "collect-photos"}) {
            assertTrue(help.output().contains(c), help.output());
        }
    }
}
