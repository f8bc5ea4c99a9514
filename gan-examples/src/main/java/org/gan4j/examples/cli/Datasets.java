package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.train.GanVariant;
import org.gan4j.datasets.image.SuperResolutionDataset;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistBatchSource;
import org.gan4j.datasets.mnist.MnistLocator;
import org.gan4j.datasets.mnist.MnistSplit;
import org.gan4j.models.i2i.DiscoGan;
import org.gan4j.models.i2i.CycleGan;
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
        if (variant instanceof DiscoGan d) {
            return DiscoGanData.training(d, dataDir, batch);
        }
        if (variant instanceof CycleGan c) {
            return UnpairedData.training(c, dataDir, batch);
        }
        return switch (variant.name()) {
            case "gan", "dcgan" -> new MnistBatchSource(mnist(dataDir), batch);
            case "srresnet", "srgan" -> {
                Path photos = required(dataDir, "a folder of photos");
                // a few photos: several random crops of each per epoch (at least ~1000 crops per epoch)
                int files = org.gan4j.datasets.image.ImageFiles.list(photos).size();
                yield SuperResolutionDataset.builder(photos).cropsPerImage(Math.max(1, 1000 / files))
                        .cropSize(Integer.parseInt(variant.config().getOrDefault("cropSize", "96")))
                        .batchSize(batch).build();
            }
            default -> throw new IllegalArgumentException("the command line has no dataset for variant '"
                    + variant.name() + "'");
        };
    }

    private static Path required(Path dataDir, String what) {
        if (dataDir == null) {
            throw new IllegalArgumentException("give --data DIR (" + what + ")");
        }
        return dataDir;
    }

    private static Mnist mnist(Path dataDir) throws IOException {
        return mnist(dataDir, MnistSplit.TRAIN);
    }

    /** An MNIST split from {@code dataDir} (--data), or from the default lookup if it is null. */
    static Mnist mnist(Path dataDir, MnistSplit split) throws IOException {
        MnistLocator locator = MnistLocator.defaults();
        if (dataDir != null) {
            locator = locator.withFolder(dataDir);
        }
        return locator.load(split);
    }
}
