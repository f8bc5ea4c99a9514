package org.gan4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gan} command line. */
@Command(name = "gan", mixinStandardHelpOptions = true, version = "gan4j 0.1.0",
        description = "Train, sample, benchmark and manage GANs on Deeplearning4j.",
        subcommands = {TrainCommand.class, ResumeCommand.class, SampleCommand.class, TranslateCommand.class,
            UpscaleCommand.class, EvaluateCommand.class, BenchCommand.class, DataCommand.class, SettingsCommand.class,
            CommandLine.HelpCommand.class})
public final class GanCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new GanCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // expected failures (bad input, missing files) get one clear line, not a stack trace
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                    || e instanceof org.gan4j.datasets.image.DatasetException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
