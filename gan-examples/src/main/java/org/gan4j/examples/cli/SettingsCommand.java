package org.gan4j.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.VariantProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gan settings [VARIANT]}: the settings a variant accepts, from its provider's table. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = {"List the settings of a variant (name, default, description), as 'gan train VARIANT --set "
                + "NAME=VALUE' and checkpoints' config.* use them. Without a variant: the variants found."})
public final class SettingsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "VARIANT", completionCandidates = VariantNames.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String variant;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (variant == null) {
            for (VariantProvider p : ServiceLoader.load(VariantProvider.class)) {
                out.printf("%-10s %s%n", p.name(), p.description());
            }
            out.flush();
            return 0;
        }
        VariantProvider provider = VariantProvider.find(variant);
        List<Setting<?>> settings = provider.settings();
        if (settings.isEmpty()) {
            out.println(variant + " declares no settings table (its provider does not override settings()).");
            out.flush();
            return 0;
        }
        out.println(variant + ": " + provider.description());
        int width = settings.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Setting<?> s : settings) {
            out.println(line(s, width));
        }
        out.flush();
        return 0;
    }

    /** {@code name  description (choices); default D; requirement}. */
    static String line(Setting<?> s, int width) {
        StringBuilder b = new StringBuilder(String.format("  %-" + width + "s  %s", s.name(), s.description()));
        String[] choices = s.choices();
        if (choices.length > 0) {
            b.append(" (").append(String.join(" | ", choices)).append(')');
        }
        b.append("; default ").append(s.defaultText());
        if (!s.requirement().isEmpty()) {
            b.append("; ").append(s.requirement());
        }
        return b.toString();
    }
}
