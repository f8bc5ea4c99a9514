package org.gan4j.datasets.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.gan4j.core.image.ImageTensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One MNIST split in memory: unsigned-byte images (0 = background, 255 = ink) and labels 0..9.
 * Immutable. Tensors made from it are float, NCHW {@code [B, 1, rows, cols]}, scaled to [-1, 1]
 * with {@code pixel / 127.5 - 1}.
 */
public final class Mnist {
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;

    private static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = ImageTensors.toUnit(v);
        }
    }

    private final MnistSplit split;
    private final int size;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;

    private Mnist(MnistSplit split, int rows, int cols, byte[] pixels, byte[] labels) {
        this.split = split;
        this.size = labels.length;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Loads a split from wherever {@link MnistLocator#defaults()} finds it, fetching it if needed. */
    public static Mnist load(MnistSplit split) throws IOException {
        return MnistLocator.defaults().load(split);
    }

    /**
     * Reads a split from two IDX files (each raw or gzip-compressed).
     *
     * @param verifyChecksums whether the raw content must match the official MNIST SHA-256 values;
     *     turn it off only for other data in the same layout (e.g. Fashion-MNIST)
     * @throws IOException if a file is missing, damaged, not IDX, or the two files do not match
     */
    public static Mnist read(MnistSplit split, Path imagesFile, Path labelsFile, boolean verifyChecksums)
            throws IOException {
        Objects.requireNonNull(split, "split");
        IdxReader.Idx images = IdxReader.read(imagesFile, IdxReader.IMAGES_MAGIC);
        IdxReader.Idx labels = IdxReader.read(labelsFile, IdxReader.LABELS_MAGIC);
        Mnist mnist = of(split, images, labels, IdxReader.FIX);
        if (verifyChecksums) {
            verify(split, split.imagesFile(), images);
            verify(split, split.labelsFile(), labels);
        }
        return mnist;
    }

    /**
     * A split from an images and a labels file already read: the counts must match and every label be in
     * 0..9; {@code fix} ends the error messages.
     */
    static Mnist of(MnistSplit split, IdxReader.Idx images, IdxReader.Idx labels, String fix) throws IOException {
        if (images.count() != labels.count()) {
            throw new IOException("count mismatch: " + images.file() + " holds " + images.count() + " images but "
                    + labels.file() + " holds " + labels.count() + " labels. Use the images and labels files of"
                    + " the same split (" + split.imagesFile() + " with " + split.labelsFile() + ").");
        }
        byte[] y = labels.data();
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xff) >= CLASSES) {
                throw new IOException(labels.file() + ": label " + (y[i] & 0xff) + " at index " + i
                        + " is outside 0..9; not an MNIST labels file. " + fix);
            }
        }
        return new Mnist(split, images.dims()[1], images.dims()[2], images.data(), y);
    }

    private static void verify(MnistSplit split, String name, IdxReader.Idx idx) throws IOException {
        String expected = split.sha256Of(name);
        if (!expected.equals(idx.sha256())) {
            throw new IOException(idx.file() + ": checksum mismatch: the SHA-256 of its uncompressed content is "
                    + idx.sha256() + ", the official " + name + " has " + expected
                    + ". The file is damaged or is not MNIST " + split + " data. " + IdxReader.FIX
                    + " (To read other data in the MNIST layout, turn checksum verification off.)");
        }
    }

    /** The split this data came from. */
    public MnistSplit split() {
        return split;
    }

    /** Number of examples. */
    public int size() {
        return size;
    }

    /** Image height (28 for MNIST). */
    public int rows() {
        return rows;
    }

    /** Image width (28 for MNIST). */
    public int cols() {
        return cols;
    }

    /** Label (0..9) of example {@code i}. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, size)];
    }

    /** All labels, a fresh copy. */
    public int[] labels() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /** Raw pixel value 0..255 of example {@code i} at ({@code row}, {@code col}). */
    public int pixel(int i, int row, int col) {
        Objects.checkIndex(i, size);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[(i * rows + row) * cols + col] & 0xff;
    }

    /** The examples {@code indices} as a float tensor {@code [B, 1, rows, cols]} in [-1, 1]. */
    public INDArray images(int... indices) {
        return images(indices, 0, indices.length, false);
    }

    /** The labels of {@code indices}, one-hot, as a float tensor {@code [B, 10]}. */
    public INDArray oneHotLabels(int... indices) {
        return oneHotLabels(indices, 0, indices.length);
    }

    /** Images {@code indices[from..to)}: NCHW {@code [B,1,rows,cols]}, or {@code [B, rows*cols]} if flattened. */
    INDArray images(int[] indices, int from, int to, boolean flatten) {
        int plane = rows * cols;
        int n = to - from;
        float[] out = new float[n * plane];
        for (int b = 0; b < n; b++) {
            int src = Objects.checkIndex(indices[from + b], size) * plane;
            int dst = b * plane;
            for (int p = 0; p < plane; p++) {
                out[dst + p] = UNIT[pixels[src + p] & 0xff];
            }
        }
        long[] shape = flatten ? new long[] {n, plane} : new long[] {n, 1, rows, cols};
        return Nd4j.create(out, shape, 'c');
    }

    /** One-hot labels of {@code indices[from..to)} as {@code [B, 10]}. */
    INDArray oneHotLabels(int[] indices, int from, int to) {
        int n = to - from;
        float[] out = new float[n * CLASSES];
        for (int b = 0; b < n; b++) {
            out[b * CLASSES + labels[Objects.checkIndex(indices[from + b], size)]] = 1f;
        }
        return Nd4j.create(out, new long[] {n, CLASSES}, 'c');
    }

    @Override
    public String toString() {
        return "Mnist[" + split + ", " + size + " images " + rows + "x" + cols + "]";
    }
}
