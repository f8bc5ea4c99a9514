package org.gan4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gan settings}, and the model docs against the settings tables. */
class SettingsCommandTest {

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GanCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        });
        assertEquals(expectedExit, cli.execute(args), err.toString());
        return out + err.toString();
    }

    /** The variants gan-models ships (plug-ins on the test class path, e.g. the toy cGAN, are not documented here). */
    private static List<VariantProvider> builtIn() {
        return ServiceLoader.load(VariantProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getPackageName().startsWith("org.gan4j.models.")).toList();
    }

    @Test
    void listsEveryVariantsSettingsWithDefaults() {
        assertEquals(7, builtIn().size());
        for (VariantProvider p : ServiceLoader.load(VariantProvider.class)) {
            assertTrue(run(0, "settings").contains(p.name()), p.name());
            String text = run(0, "settings", p.name());
            if (p.settings().isEmpty()) {
                assertTrue(text.contains("declares no settings table"), text);
            }
            for (Setting<?> s : p.settings()) {
                assertTrue(text.contains("  " + s.name() + " ") && text.contains(s.description()) && text.contains("default " + s.defaultText()),
                        p.name() + " " + s.name() + ":\n" + text);
            }
        }
        String dcgan = run(0, "settings", "dcgan");
        assertTrue(dcgan.contains("architecture") && dcgan.contains("tutorial_28 | radford_64")
                && dcgan.contains("default tutorial_28"), dcgan);
        assertTrue(run(0, "settings", "pix2pix").contains("default 256 paper, 64 cpu"));
        assertTrue(run(2, "settings", "nogan").contains("unknown GAN variant 'nogan'"));
    }

    /**
     * docs/models/NAME.md names every setting of NAME (srresnet and srgan share srgan.md); built-in variants only
     * (plug-ins, such as the test plug-in, document themselves).
     */
    @Test
    void modelDocsNameEverySetting() throws Exception {
        for (VariantProvider p : builtIn()) {
            assertTrue(!p.settings().isEmpty(), p.name() + " declares its settings");
            String file = p.name().equals("srresnet") ? "srgan" : p.name();
            Path doc = Path.of("..", "docs", "models", file + ".md");
            String text = Files.readString(doc);
            for (Setting<?> s : p.settings()) {
                assertTrue(text.contains("`" + s.name() + "`"), doc + " does not name " + p.name() + "'s setting "
                        + s.name());
            }
            assertTrue(text.contains("gan settings " + p.name()), doc + " points to 'gan settings " + p.name() + "'");
        }
    }
}
