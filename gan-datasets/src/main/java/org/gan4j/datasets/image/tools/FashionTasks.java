package org.gan4j.datasets.image.tools;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.datasets.mnist.FashionMnist;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistSplit;

/**
 * Benchmark tasks for the image-to-image variants built from Fashion-MNIST, small enough to train on two CPU
 * cores: a paired edges-to-object task in the edges2shoes layout ({@link #edges}) and an unpaired two-class task
 * in the monet2photo layout ({@link #unpaired}).
 *
 * <p>Every object is drawn dark on white, as the product photos of edges2shoes (Fashion-MNIST stores bright
 * objects on black): pixel {@code 255 - v}, upscaled from 28x28 with the datasets' bicubic filter (PIL's). Files
 * are named by the image's index in its Fashion-MNIST split ({@code 00042.jpg}), RGB JPEGs; every output folder
 * gets a {@value #LABELS_FILE} ({@code file,label}, one row per image, label = class name). Training folders come
 * from Fashion-MNIST's training split, val/test folders from its test split, so no object is in both.
 */
public final class FashionTasks {
    /** The per-folder label list. */
    public static final String LABELS_FILE = "labels.csv";
    /** The footwear classes, edges2shoes' subject: the default of the paired task. */
    public static final List<String> FOOTWEAR = List.of("sandal", "sneaker", "ankle_boot");

    private FashionTasks() {}

    /**
     * edges2X from Fashion-MNIST: {@code out/train} (training split) and {@code out/val} (test split) of
     * [edge map | object] pairs, {@code size x size} each half.
     *
     * @param fashion the folder of the four Fashion-MNIST IDX files
     * @param classes class names ({@link FashionMnist#CLASS_NAMES}), e.g. {@link #FOOTWEAR}
     * @param limit at most this many images per split, the first in Fashion-MNIST's order (0 = all)
     * @throws IllegalArgumentException for an unknown class name or a bad size or limit
     * @throws DatasetException if an output folder already holds images
     * @throws IOException if the Fashion-MNIST files are missing or damaged (the message names the file)
     */
    public static DatasetTools.Result edges(Path fashion, Path out, List<String> classes, int size, int limit,
            EdgeDetector detector) throws IOException {
        Set<Integer> labels = labels(classes, "--classes");
        check(size, limit);
        Map<String, MnistSplit> folders = new LinkedHashMap<>();
        folders.put("train", MnistSplit.TRAIN);
        folders.put("val", MnistSplit.TEST);
        requireEmpty(out, folders.keySet());
        Map<String, Integer> written = new LinkedHashMap<>();
        for (var f : folders.entrySet()) {
            Mnist data = FashionMnist.read(fashion, f.getValue());
            written.put(f.getKey(), write(data, labels, limit, out.resolve(f.getKey()), object -> {
                BufferedImage edges = detector.edges(object);
                return DatasetTools.sideBySide(edges, object);
            }, size));
        }
        return new DatasetTools.Result(written, Map.of());
    }

    /**
     * Two domains of Fashion-MNIST classes: {@code out/trainA}, {@code trainB} (training split) and {@code testA},
     * {@code testB} (test split), {@code size x size} images.
     *
     * @param a class names of domain A
     * @param b class names of domain B (none of A's)
     * @param limit at most this many images per folder (0 = all)
     */
    public static DatasetTools.Result unpaired(Path fashion, Path out, List<String> a, List<String> b, int size,
            int limit) throws IOException {
        Set<Integer> labelsA = labels(a, "--a");
        Set<Integer> labelsB = labels(b, "--b");
        for (int l : labelsA) {
            if (labelsB.contains(l)) {
                throw new IllegalArgumentException("class " + FashionMnist.className(l) + " is in both domains;"
                        + " give --a and --b different classes");
            }
        }
        check(size, limit);
        requireEmpty(out, List.of("trainA", "trainB", "testA", "testB"));
        Map<String, Integer> written = new LinkedHashMap<>();
        for (MnistSplit split : MnistSplit.values()) {
            Mnist data = FashionMnist.read(fashion, split);
            String prefix = split == MnistSplit.TRAIN ? "train" : "test";
            written.put(prefix + "A", write(data, labelsA, limit, out.resolve(prefix + "A"), o -> o, size));
            written.put(prefix + "B", write(data, labelsB, limit, out.resolve(prefix + "B"), o -> o, size));
        }
        return new DatasetTools.Result(written, Map.of());
    }

    /** Fashion-MNIST image {@code i} dark on white, {@code size x size}, RGB (TYPE_3BYTE_BGR). */
    static BufferedImage object(Mnist data, int i, int size) {
        BufferedImage gray = new BufferedImage(data.cols(), data.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] g = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < data.rows(); y++) {
            for (int x = 0; x < data.cols(); x++) {
                g[y * data.cols() + x] = (byte) (255 - data.pixel(i, y, x));
            }
        }
        byte[] v = ((DataBufferByte) ImageFiles.resize(gray, size, size).getRaster().getDataBuffer()).getData();
        // replicate the gray values into RGB by hand: Java2D's gray-to-RGB conversion would apply a gamma curve
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        byte[] o = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < v.length; p++) {
            o[3 * p] = v[p];
            o[3 * p + 1] = v[p];
            o[3 * p + 2] = v[p];
        }
        return rgb;
    }

    private static int write(Mnist data, Set<Integer> labels, int limit, Path dir,
            UnaryOperator<BufferedImage> compose, int size) {
        StringBuilder csv = new StringBuilder("file,label\n");
        int n = 0;
        for (int i = 0; i < data.size() && (limit == 0 || n < limit); i++) {
            if (!labels.contains(data.label(i))) {
                continue;
            }
            String name = String.format("%05d.jpg", i);
            ImageFiles.write(compose.apply(object(data, i, size)), dir.resolve(name));
            csv.append(name).append(',').append(FashionMnist.className(data.label(i))).append('\n');
            n++;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(LABELS_FILE), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(LABELS_FILE) + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static Set<Integer> labels(List<String> classes, String option) {
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException(option + " names no class; the classes are "
                    + String.join(", ", FashionMnist.CLASS_NAMES));
        }
        Set<Integer> labels = new LinkedHashSet<>();
        for (String c : classes) {
            try {
                labels.add(FashionMnist.label(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
        }
        return labels;
    }

    private static void check(int size, int limit) {
        if (size < 8) {
            throw new IllegalArgumentException("size must be at least 8 pixels, got " + size);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
    }

    /** Refuses to mix a new task with images of an earlier one (labels.csv would not describe them). */
    private static void requireEmpty(Path out, Iterable<String> folders) {
        for (String f : folders) {
            Path dir = out.resolve(f);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> old = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> ImageFiles.isImageName(p) || p.getFileName().toString().equals(LABELS_FILE))
                        .forEach(old::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
            if (!old.isEmpty()) {
                throw new DatasetException(dir, "already holds " + old.size() + " files of an earlier dataset",
                        "choose a new --out folder or delete this one");
            }
        }
    }
}
