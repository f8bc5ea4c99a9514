package org.gan4j.datasets.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fashion-MNIST (Xiao et al. 2017): 28x28 gray product images of ten clothing classes in MNIST's IDX layout
 * and file names ({@code train-images-idx3-ubyte[.gz]}, ...), read from a folder the caller names (Debian's
 * {@code dataset-fashion-mnist} installs them in {@code /usr/share/datasets/fashion-mnist}). Pixels are as
 * in the files: 0 = background, 255 = the brightest part of the object.
 */
public final class FashionMnist {
    /** Class names in label order (0..9), lower case with underscores, e.g. {@code ankle_boot}. */
    public static final List<String> CLASS_NAMES = List.of("t_shirt_top", "trouser", "pullover", "dress", "coat",
            "sandal", "shirt", "sneaker", "bag", "ankle_boot");

    static final String FIX = "Use the original Fashion-MNIST files, raw or .gz (Debian: apt-get install"
            + " dataset-fashion-mnist, then pass its folder /usr/share/datasets/fashion-mnist).";

    private FashionMnist() {}

    /**
     * The label of a class name: case-insensitive, with '-', ' ' or '/' accepted for '_'
     * ({@code "Ankle boot"}, {@code "t-shirt/top"}).
     *
     * @throws IllegalArgumentException for an unknown name, naming it and the known ones
     */
    public static int label(String className) {
        Objects.requireNonNull(className, "className");
        String key = className.trim().toLowerCase(Locale.ROOT).replaceAll("[-/ ]+", "_");
        int i = CLASS_NAMES.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("unknown Fashion-MNIST class '" + className + "'; the classes are "
                    + String.join(", ", CLASS_NAMES));
        }
        return i;
    }

    /** The name of label {@code label} (0..9). */
    public static String className(int label) {
        return CLASS_NAMES.get(Objects.checkIndex(label, CLASS_NAMES.size()));
    }

    /**
     * Reads one split from {@code folder} (each file raw or gzip-compressed).
     *
     * @throws IOException naming the file, the problem and the fix: a missing folder or file, a file that is
     *     not IDX, swapped or mismatched files, or the MNIST digits given in place of Fashion-MNIST
     */
    public static Mnist read(Path folder, MnistSplit split) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder. " + FIX);
        }
        IdxReader.Idx images = IdxReader.read(locate(folder, split.imagesFile()), IdxReader.IMAGES_MAGIC, FIX);
        IdxReader.Idx labels = IdxReader.read(locate(folder, split.labelsFile()), IdxReader.LABELS_MAGIC, FIX);
        for (IdxReader.Idx idx : List.of(images, labels)) {
            String name = idx == images ? split.imagesFile() : split.labelsFile();
            if (split.sha256Of(name).equals(idx.sha256())) {
                throw new IOException(idx.file() + ": this is the MNIST digits file, not Fashion-MNIST (the two"
                        + " use the same file names). " + FIX);
            }
        }
        return Mnist.of(split, images, labels, FIX);
    }

    private static Path locate(Path folder, String name) throws IOException {
        Path file = MnistLocator.file(folder, name);
        if (file == null) {
            throw new IOException(folder.resolve(name) + "[.gz]: no such file. " + FIX);
        }
        return file;
    }
}
