package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.train.GanVariant;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistBatchSource;
import org.gan4j.datasets.mnist.MnistLocator;
import org.gan4j.datasets.mnist.MnistSplit;
import org.gan4j.models.i2i.Pix2Pix;

/** Which data each variant trains on, as the command line opens it. */
final class Datasets {
    private Datasets() {}

    /**
     * Training data for {@code variant}.
     *
     * @param dataDir folder given with --data, or null for the default lookup
     */
    static BatchSource training(GanVariant variant, Path dataDir, int batch) throws IOException {
        if (variant instanceof Pix2Pix p) {
            return PairedData.training(p, dataDir, batch);
        }
        return switch (variant.name()) {
            case "gan", "dcgan" -> new MnistBatchSource(mnist(dataDir), batch);
            default -> throw new IllegalArgumentException("the command line has no dataset for variant '"
                    + variant.name() + "'");
        };
    }

    private static Mnist mnist(Path dataDir) throws IOException {
        MnistLocator locator = MnistLocator.defaults();
        if (dataDir != null) {
            locator = locator.withFolder(dataDir);
        }
        return locator.load(MnistSplit.TRAIN);
    }

    /** Default batch size of a variant (its paper's or tutorial's). */
    static int defaultBatch(String variant) {
        return switch (variant) {
            case "dcgan" -> 256; // TensorFlow DCGAN tutorial
            case "pix2pix" -> 1; // Isola et al. 2017
            default -> 64;
        };
    }
}
