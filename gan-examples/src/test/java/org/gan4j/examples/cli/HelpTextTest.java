package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help renders cleanly: picocli formats descriptions with {@link String#format}, and a lone
 * {@code %} (as in "50 % = indistinguishable") makes it print a warning and the raw text, {@code %n} included,
 * to the user. A sentence of a description is one element (picocli wraps it), not lines hard-wrapped wider
 * than the usage width.
 */
class HelpTextTest {
    @Test
    void everyUsageMessageRendersWithoutWarnings() {
        List<String> bad = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        check(new CommandLine(new GanCli()), bad, visited);
        assertTrue(visited.contains("gan evaluate translation") && visited.contains("gan evaluate sr"), visited.toString());
        assertEquals(List.of(), bad);
    }

    private static void check(CommandLine cli, List<String> bad, List<String> visited) {
        CommandSpec spec = cli.getCommandSpec();
        String name = spec.qualifiedName();
        visited.add(name);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        String usage;
        try {
            usage = cli.getUsageMessage();
        } finally {
            System.setErr(err);
        }
        if (captured.size() > 0 || usage.contains("%n")) {
            bad.add(name + ": " + captured);
        }
        // picocli starts each description element on a new line and wraps an element longer than the usage width
        // on its own: a sentence hard-wrapped at 95 characters prints as full lines alternating with stubs.
        String[] description = spec.usageMessage().description();
        int width = spec.usageMessage().width();
        for (int i = 0; i < description.length - 1; i++) {
            String line = description[i];
            if (!line.endsWith(".") && String.format(line).length() > width) {
                bad.add(name + ": description line continues in the next but is longer than " + width
                        + " characters (make the sentence one element): " + line);
            }
        }
        cli.getSubcommands().values().forEach(sub -> check(sub, bad, visited));
    }
}
