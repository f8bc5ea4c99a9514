package org.gan4j.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gan4j.core.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan report RUN...}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a run's report.html: configuration, status, time per iteration and ETA, loss curves, "
                + "sample grids over time and evaluation results, in one file that opens offline in any "
                + "browser.",
            "Training keeps it current by itself; this command (re)writes it for any run folder, old ones "
                + "included.",
            "With several runs: a comparison page (loss curves overlaid, newest grids side by side, "
                + "evaluations)."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folder(s) written by 'gan train'")
    List<Path> runs;

    @Option(names = "--out", description = "where to write the page (default: RUN/report.html for one run;"
            + " required for a comparison, e.g. compare.html)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path written;
        if (runs.size() == 1) {
            written = out == null ? RunReport.write(runs.get(0)) : RunReport.write(runs.get(0), out);
        } else {
            if (out == null) {
                throw new IllegalArgumentException("comparing " + runs.size() + " runs needs --out FILE, e.g. --out compare.html");
            }
            written = RunReport.writeComparison(runs, out);
        }
        System.out.println("wrote " + written.toAbsolutePath().normalize());
        return 0;
    }
}
