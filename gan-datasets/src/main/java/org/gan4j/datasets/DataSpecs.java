package org.gan4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.data.TrainingData;
import org.gan4j.core.train.GanVariant;
import org.gan4j.datasets.image.Direction;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.SuperResolutionDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedImageDataset;
import org.gan4j.datasets.image.UnpairedPairsDataset;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistBatchSource;
import org.gan4j.datasets.mnist.MnistLocator;
import org.gan4j.datasets.mnist.MnistSplit;

/**
 * Opens the training data a variant declares ({@link GanVariant#data()}) from a folder: the one place that
 * knows which reader and folder layout belong to each kind of {@link DataSpec}.
 *
 * <pre>{@code
 * BatchSource data = DataSpecs.open(variant, Path.of("data/facades"), 1); // preview pairs handed over too
 * Trainer.builder(variant, data).epochs(200).build().fit();
 * }</pre>
 */
public final class DataSpecs {
    /** Examples of each domain shown in sample grids when the data has a validation or test split. */
    public static final int PREVIEW_EXAMPLES = 4;

    /** Minimum number of super-resolution crops per epoch: few photos give several random crops each. */
    static final int MIN_SR_CROPS_PER_EPOCH = 1000;

    private DataSpecs() {}

    /**
     * Opens {@code variant}'s data and hands its preview examples (if the data has any) to
     * {@link GanVariant#usePreviewExamples}; returns the training batches.
     *
     * @param dataDir the data folder, or null for the default lookup (MNIST) or a clear error (folders)
     */
    public static BatchSource open(GanVariant variant, Path dataDir, int batch) throws IOException {
        TrainingData data = open(variant.data(), dataDir, batch);
        if (data.preview() != null) {
            variant.usePreviewExamples(data.preview());
        }
        return data.source();
    }

    /**
     * Opens the data {@code spec} describes.
     *
     * @param dataDir the data folder, or null: MNIST then uses {@link MnistLocator#defaults()}, folder specs
     *     fail naming what the folder must hold, a {@link DataSpec.Custom} opener receives null
     * @throws IllegalArgumentException if a required folder is missing
     */
    public static TrainingData open(DataSpec spec, Path dataDir, int batch) throws IOException {
        // one branch per kind of spec (sealed: the list is complete)
        if (spec instanceof DataSpec.MnistImages) {
            return TrainingData.of(new MnistBatchSource(mnist(dataDir, MnistSplit.TRAIN), batch));
        } else if (spec instanceof DataSpec.LabelledMnist) {
            return TrainingData.of(new MnistBatchSource(mnist(dataDir, MnistSplit.TRAIN), batch, true));
        } else if (spec instanceof DataSpec.PairedFolder p) {
            return paired(p, required(dataDir, p), batch);
        } else if (spec instanceof DataSpec.UnpairedFolders u) {
            return unpaired(u, required(dataDir, u), batch);
        } else if (spec instanceof DataSpec.PairsAsUnpaired d) {
            return pairsAsUnpaired(d, required(dataDir, d), batch);
        } else if (spec instanceof DataSpec.SuperResolutionCrops s) {
            return superResolution(s, required(dataDir, s), batch);
        } else if (spec instanceof DataSpec.Custom c) {
            return c.opener().open(dataDir, batch);
        }
        throw new IllegalArgumentException("unknown kind of data spec " + spec);
    }

    /** An MNIST split from {@code dataDir}, or from the default lookup if it is null. */
    public static Mnist mnist(Path dataDir, MnistSplit split) throws IOException {
        MnistLocator locator = MnistLocator.defaults();
        if (dataDir != null) {
            locator = locator.withFolder(dataDir);
        }
        return locator.load(split);
    }

    /**
     * Every pair of a split of a side-by-side folder once, in name order, resized to {@code size} (pix2pix's
     * test-time loading), {@code a} the model's input.
     *
     * @param reverse the input is the right half of the files
     */
    public static PairedImageDataset testPairs(Path root, String split, int inputChannels, int outputChannels,
                                               boolean reverse, int size, int batch) {
        return PairedImageDataset.builder(root).split(split).testMode(true).batchSize(batch)
                .direction(reverse ? Direction.B_TO_A : Direction.A_TO_B)
                .channels(reverse ? outputChannels : inputChannels, reverse ? inputChannels : outputChannels)
                .transform(TransformOptions.resizeOnly(size)).build();
    }

    private static Path required(Path dataDir, DataSpec spec) {
        if (dataDir == null) {
            throw new IllegalArgumentException("this variant needs a data folder (--data DIR): " + spec.describe());
        }
        return dataDir;
    }

    /**
     * Training pairs (resize to the load size, random crop, mirror), and the first pairs of {@code val/}
     * (else {@code train/}) as preview.
     */
    private static TrainingData paired(DataSpec.PairedFolder p, Path root, int batch) {
        PairedImageDataset train = PairedImageDataset.builder(root).batchSize(batch)
                .direction(p.reverse() ? Direction.B_TO_A : Direction.A_TO_B)
                .channels(p.reverse() ? p.outputChannels() : p.inputChannels(),
                        p.reverse() ? p.inputChannels() : p.outputChannels())
                .transform(TransformOptions.defaults().withLoadSize(p.loadSize()).withCropSize(p.imageSize()))
                .build();
        String split = Files.isDirectory(root.resolve("val")) ? "val" : "train";
        int available = testPairs(root, split, p.inputChannels(), p.outputChannels(), p.reverse(), p.imageSize(), 1).size();
        return new TrainingData(train, first(testPairs(root, split, p.inputChannels(), p.outputChannels(), p.reverse(),
                p.imageSize(), Math.min(PREVIEW_EXAMPLES, available))));
    }

    /**
     * trainA/trainB (resize to the load size, random crop, mirror; A and B drawn independently), and the first
     * images of testA and testB (else trainA and trainB) as preview.
     */
    private static TrainingData unpaired(DataSpec.UnpairedFolders u, Path root, int batch) {
        UnpairedImageDataset train = UnpairedImageDataset.builder(root).batchSize(batch)
                .channels(u.channelsA(), u.channelsB())
                .transform(TransformOptions.defaults().withLoadSize(u.loadSize()).withCropSize(u.imageSize()))
                .build();
        boolean test = Files.isDirectory(root.resolve("testA")) && Files.isDirectory(root.resolve("testB"));
        var preview = UnpairedImageDataset.builder(root).split(test ? "test" : "train").testMode(true)
                .channels(u.channelsA(), u.channelsB()).transform(TransformOptions.resizeOnly(u.imageSize()));
        UnpairedImageDataset all = preview.build();
        int n = Math.min(PREVIEW_EXAMPLES, Math.min(all.filesA().size(), all.filesB().size()));
        return new TrainingData(train, first(preview.batchSize(n).build()));
    }

    /**
     * Left halves of the even-numbered files of {@code train/} as A, right halves of the odd ones as B, resized;
     * the first aligned pairs of {@code val/} (else {@code train/}) as preview.
     */
    private static TrainingData pairsAsUnpaired(DataSpec.PairsAsUnpaired d, Path root, int batch) {
        TransformOptions resize = TransformOptions.resizeOnly(d.imageSize());
        UnpairedPairsDataset train = UnpairedPairsDataset.builder(root).batchSize(batch).thickenEdges(d.thickenEdges())
                .channels(d.channelsA(), d.channelsB()).transform(resize).build();
        String split = Files.isDirectory(root.resolve("val")) ? "val" : "train";
        var test = UnpairedPairsDataset.builder(root).split(split).testMode(true).thickenEdges(d.thickenEdges())
                .channels(d.channelsA(), d.channelsB()).transform(resize);
        int n = Math.min(PREVIEW_EXAMPLES, test.batchSize(1).build().size());
        return new TrainingData(train, first(test.batchSize(n).build()));
    }

    /** Random crops, at least {@value #MIN_SR_CROPS_PER_EPOCH} per epoch; no preview examples. */
    private static TrainingData superResolution(DataSpec.SuperResolutionCrops s, Path photos, int batch) {
        int files = ImageFiles.list(photos).size();
        return TrainingData.of(SuperResolutionDataset.builder(photos)
                .cropsPerImage(Math.max(1, MIN_SR_CROPS_PER_EPOCH / files))
                .cropSize(s.cropSize()).scale(s.scale()).batchSize(batch).build());
    }

    private static Batch first(BatchSource source) {
        try (BatchSource.BatchStream stream = source.epoch(0, 0, 0)) {
            return stream.next();
        }
    }
}
