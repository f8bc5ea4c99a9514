package org.gan4j.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs the command line in this JVM and captures what it prints, for tests. */
public final class CliOutput {
    private CliOutput() {}

    /** Runs {@link GanCli#run}; returns {exit code, stdout, stderr}. */
    public static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            int code = GanCli.run(args);
            return new String[] {Integer.toString(code), o.toString(), e.toString()};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
