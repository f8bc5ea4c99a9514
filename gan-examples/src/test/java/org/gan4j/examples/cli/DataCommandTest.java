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
}
