package org.gan4j.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training data a variant declares ({@link org.gan4j.core.train.GanVariant#data()}): what kind of data,
 * in which shapes. gan-core only describes it; {@code org.gan4j.datasets.DataSpecs} (gan-datasets) opens a
 * spec from a folder, and a {@link Custom} spec opens itself. The spec also gives a synthetic batch of the
 * right shapes, so speed can be measured without data.
 *
 * <p>Every image is NCHW, float; images in [-1, 1] unless a record says otherwise.
 */
public sealed interface DataSpec {

    /** What the data folder ({@code --data}) must hold, for help texts and error messages. */
    String describe();

    /**
     * A batch of {@code batch} examples in the shapes and ranges of real training batches, drawn from
     * ND4J's random generator (seed it for repeatable values).
     */
    Batch syntheticBatch(int batch);

    /** MNIST training digits: {@link Batch#a()} {@code [B, 1, 28, 28]}, {@link Batch#b()} null. */
    record MnistImages() implements DataSpec {
        @Override
        public String describe() {
            return "the MNIST files (optional: default GAN4J_DATA, the per-user cache, then a download)";
        }

        @Override
        public Batch syntheticBatch(int batch) {
            return Batch.of(uniform(batch, 1, 28, 28));
        }
    }

    /** MNIST training digits with labels: {@link Batch#a()} {@code [B, 1, 28, 28]}, {@link Batch#b()} one-hot {@code [B, 10]}. */
    record LabelledMnist() implements DataSpec {
        /** Number of classes (digits). */
        public static final int CLASSES = 10;

        @Override
        public String describe() {
            return new MnistImages().describe();
        }

        @Override
        public Batch syntheticBatch(int batch) {
            INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, CLASSES);
            for (int i = 0; i < batch; i++) {
                labels.putScalar(i, i % CLASSES, 1f);
            }
            return new Batch(uniform(batch, 1, 28, 28), labels);
        }
    }

    /**
     * Aligned pairs from side-by-side {@code A|B} files ({@code ROOT/train}, {@code ROOT/val}), pix2pix's layout:
     * {@link Batch#a()} the model's input {@code [B, inputChannels, imageSize, imageSize]}, {@link Batch#b()} its
     * target; training images resized to {@code loadSize}, cropped at random to {@code imageSize}, mirrored.
     *
     * @param reverse the input is the right half of the files (B to A)
     */
    record PairedFolder(int inputChannels, int outputChannels, int imageSize, int loadSize, boolean reverse)
            implements DataSpec {
        public PairedFolder {
            positive("channels", inputChannels, outputChannels);
            positive("sizes", imageSize, loadSize);
        }

        @Override
        public String describe() {
            return "a folder with train/ (and val/) holding side-by-side A|B images, see 'gan data make-edges'";
        }

        @Override
        public Batch syntheticBatch(int batch) {
            return twoDomains(batch, inputChannels, outputChannels, imageSize);
        }
    }

    /**
     * Two unpaired image domains ({@code ROOT/trainA}, {@code ROOT/trainB}, optionally {@code testA}/{@code testB}),
     * CycleGAN's layout, drawn independently: {@link Batch#a()} {@code [B, channelsA, imageSize, imageSize]},
     * {@link Batch#b()} the same with {@code channelsB}; resized to {@code loadSize}, random crop, mirror.
     */
    record UnpairedFolders(int channelsA, int channelsB, int imageSize, int loadSize) implements DataSpec {
        public UnpairedFolders {
            positive("channels", channelsA, channelsB);
            positive("sizes", imageSize, loadSize);
        }

        @Override
        public String describe() {
            return "a folder with trainA/ and trainB/ (and testA/, testB/) of images, see docs/datasets.md";
        }

        @Override
        public Batch syntheticBatch(int batch) {
            return twoDomains(batch, channelsA, channelsB, imageSize);
        }
    }

    /**
     * A paired side-by-side folder read as two unpaired domains (DiscoGAN): left halves of the even-numbered
     * files (name order) as A, right halves of the odd-numbered ones as B, resized to {@code imageSize}; {@code thickenEdges}
     * widens the dark strokes of A (edge maps).
     */
    record PairsAsUnpaired(int channelsA, int channelsB, int imageSize, boolean thickenEdges) implements DataSpec {
        public PairsAsUnpaired {
            positive("channels", channelsA, channelsB);
            positive("size", imageSize);
        }

        @Override
        public String describe() {
            return "a folder with train/ (and val/) holding side-by-side A|B images (e.g. edges2shoes),"
                    + " see 'gan data make-edges'";
        }

        @Override
        public Batch syntheticBatch(int batch) {
            return twoDomains(batch, channelsA, channelsB, imageSize);
        }
    }

    /**
     * Random crops of a folder of RGB photos for super-resolution: {@link Batch#a()} the low-resolution crop
     * {@code [B, 3, cropSize / scale, cropSize / scale]} in [0, 1], {@link Batch#b()} the high-resolution crop
     * {@code [B, 3, cropSize, cropSize]} in [-1, 1] (the ranges of Ledig et al. 2017).
     */
    record SuperResolutionCrops(int cropSize, int scale) implements DataSpec {
        public SuperResolutionCrops {
            positive("cropSize and scale", cropSize, scale);
            if (cropSize % scale != 0) {
                throw new IllegalArgumentException("cropSize " + cropSize + " is not a multiple of scale " + scale);
            }
        }

        @Override
        public String describe() {
            return "a folder of photos (e.g. DIV2K's training images)";
        }

        @Override
        public Batch syntheticBatch(int batch) {
            int lr = cropSize / scale;
            return new Batch(Nd4j.rand(DataType.FLOAT, batch, 3, lr, lr), uniform(batch, 3, cropSize, cropSize));
        }
    }

    /**
     * Data only the variant knows how to open (a plug-in with exotic data).
     *
     * @param description what the data folder must hold
     * @param opener opens the data from the user's folder (null when none was given) and batch size
     * @param synthetic a synthetic batch of a given size, as {@link #syntheticBatch} describes
     */
    record Custom(String description, Opener opener, IntFunction<Batch> synthetic) implements DataSpec {
        public Custom {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(synthetic, "synthetic");
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public Batch syntheticBatch(int batch) {
            return synthetic.apply(batch);
        }

        /** Opens the data of a {@link Custom} spec. */
        @FunctionalInterface
        public interface Opener {
            /**
             * @param dataDir the folder the user gave ({@code --data}), or null
             * @param batch examples per batch
             * @throws IllegalArgumentException or IOException naming what is missing or wrong
             */
            TrainingData open(Path dataDir, int batch) throws IOException;
        }
    }

    /** Uniform values in [-1, 1] of shape {@code [batch, channels, height, width]}. */
    private static INDArray uniform(int batch, int channels, int height, int width) {
        return Nd4j.rand(DataType.FLOAT, batch, channels, height, width).muli(2).subi(1);
    }

    /** Uniform [-1, 1] square images of two domains. */
    private static Batch twoDomains(int batch, int channelsA, int channelsB, int size) {
        return new Batch(uniform(batch, channelsA, size, size), uniform(batch, channelsB, size, size));
    }

    private static void positive(String what, int... values) {
        for (int v : values) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + v);
            }
        }
    }
}
