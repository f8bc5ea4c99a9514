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
 * to the user.
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
        cli.getSubcommands().values().forEach(sub -> check(sub, bad, visited));
    }
}
