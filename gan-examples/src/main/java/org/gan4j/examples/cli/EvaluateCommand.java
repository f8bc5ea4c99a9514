package org.gan4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gan evaluate}: a parent for one subcommand per task. To add one, write a command class and
 * list it in {@code subcommands} below.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a trained model: against reference images (paired, sr), with classifiers of the two domains (translation) or with an MNIST classifier (mnist).",
        subcommands = {PairedEvaluateCommand.class, TranslationEvaluateCommand.class, SrEvaluateCommand.class, MnistEvaluateCommand.class})
public final class EvaluateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose what to evaluate, e.g. 'gan evaluate paired'");
    }
}
