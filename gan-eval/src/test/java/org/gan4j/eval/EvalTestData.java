package org.gan4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistLocator;
import org.gan4j.datasets.mnist.MnistSplit;

/**
 * Real MNIST for the tests (the folder of the system property {@code gan4j.test.mnist} if it exists, else the
 * default lookup) and one briefly trained evaluator shared by the tests of a JVM.
 */
final class EvalTestData {
    /** The short training budget of the tests: one pass over 6,400 examples (100 batches). */
    static final int EXAMPLES = 6_400;

    private static final Map<MnistSplit, Mnist> LOADED = new EnumMap<>(MnistSplit.class);
    private static MnistEvaluator evaluator;

    private EvalTestData() {}

    static synchronized Mnist mnist(MnistSplit split) {
        return LOADED.computeIfAbsent(split, s -> {
            String prop = System.getProperty("gan4j.test.mnist");
            MnistLocator locator = MnistLocator.defaults();
            if (prop != null && Files.isDirectory(Path.of(prop))) {
                locator = locator.withFolder(Path.of(prop));
            }
            try {
                return locator.load(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static synchronized MnistEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = MnistEvaluator.train(mnist(MnistSplit.TRAIN), mnist(MnistSplit.TEST), 1, EXAMPLES);
        }
        return evaluator;
    }

    /** Examples {@code from..to-1} of a split. */
    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
