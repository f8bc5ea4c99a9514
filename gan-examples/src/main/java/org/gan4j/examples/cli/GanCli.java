package org.gan4j.examples.cli;

import org.gan4j.core.io.IoErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gan} command line. */
@Command(name = "gan", mixinStandardHelpOptions = true, version = "gan4j 0.1.0",
        description = "Train, sample, benchmark and manage GANs on Deeplearning4j.",
        subcommands = {TrainCommand.class, ResumeCommand.class, SampleCommand.class, TranslateCommand.class,
            UpscaleCommand.class, EvaluateCommand.class, ReportCommand.class, BenchCommand.class, DataCommand.class,
            SettingsCommand.class,
            CommandLine.HelpCommand.class})
public final class GanCli {
    /** Environment variable that makes unexpected errors print their stack trace. */
    static final String STACK_TRACE_VARIABLE = "GAN4J_STACKTRACE";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new GanCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // expected failures (bad input, missing files, full disks) get one clear line, not a stack trace
            boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                    || e instanceof org.gan4j.datasets.image.DatasetException;
            if (expected) {
                cmd.getErr().println("error: " + IoErrors.message(e));
                return 2;
            }
            // anything else is a bug in gan4j: still one line, and the trace on request
            cmd.getErr().println("error: unexpected " + e.getClass().getSimpleName() + ": " + IoErrors.message(e)
                    + " (a bug in gan4j: please report it with the command line; set " + STACK_TRACE_VARIABLE
                    + "=1 to print the stack trace)");
            if (System.getenv(STACK_TRACE_VARIABLE) != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 3;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            // a bad option value or a missing option: one line and where to look, not the whole usage
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see '" + command + " --help')");
            return 2;
        });
        return cli.execute(args);
    }
}
