package org.gan4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the image datasets land. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Image loading speed.")
public final class DataBenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("image dataset benchmarks are not available in this build");
        return 2;
    }
}
