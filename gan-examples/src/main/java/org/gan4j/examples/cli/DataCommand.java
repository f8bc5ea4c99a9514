package org.gan4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the dataset tools land. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Dataset tools.")
public final class DataCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dataset tools are not available in this build");
        return 2;
    }
}
