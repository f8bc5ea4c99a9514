package org.gan4j.examples.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.image.ImageGrid;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.core.train.Checkpoint;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan sample}. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Generate images with a trained generator: N numbered PNGs (000000.png ...), or with --grid "
                + "one grid PNG. Conditional models (e.g. a cGAN) generate the classes in turn, or the class "
                + "--label names (000000-class7.png ...)."})
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, or a folder (its newest checkpoint; a run folder's checkpoints/ works too)")
    Path checkpoint;

    @Option(names = "--n", converter = NumericOptions.Positive.class, description = "number of images, or with --label all: images per class (default: ${DEFAULT-VALUE})")
    int n = 64;

    @Option(names = "--label", paramLabel = "CLASS|all", description = "conditional models: generate class CLASS"
            + " (0-based), or 'all': --n images of every class (default: the classes in turn)")
    String label;

    @Option(names = "--out", required = true, description = "output folder (or, with --grid, a .png file or a folder)")
    Path out;

    @Option(names = "--grid", description = "write one grid PNG instead of single images")
    boolean grid;

    @Option(names = "--columns", converter = NumericOptions.Positive.class, description = "grid columns (default: a square grid, the ceiling of the square root of --n; with --label all: --n, one row per class)")
    Integer columns;

    @Option(names = "--scale", converter = NumericOptions.Positive.class, description = "with --grid: enlarge the grid N times, nearest neighbour (default: ${DEFAULT-VALUE})")
    int scale = 1;

    @Option(names = "--seed", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--batch", converter = NumericOptions.Positive.class, description = "images generated per forward pass (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Override
    public Integer call() throws Exception {
        if (n <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + n);
        }
        Sampling sampling = Sampling.of(Checkpoint.read(checkpoint).restoreVariant());
        int[] labels = labels(sampling, label, n);
        int total = labels == null ? n : labels.length;
        SplittableRandom random = new SplittableRandom(seed);
        if (grid) {
            if (scale < 1 || scale > 16) {
                throw new IllegalArgumentException("--scale must be 1..16, got " + scale);
            }
            INDArray images = sampling.generate(random, total, labels, 0);
            int cols = columns != null ? columns : "all".equals(label) ? n : (int) Math.ceil(Math.sqrt(n));
            BufferedImage img = ImageGrid.of(images, cols, 2);
            img = scale > 1 ? ImageGrid.scaled(img, scale) : img;
            Path file = out.toString().endsWith(".png") ? out : out.resolve("grid.png");
            ImageFiles.writePng(img, file);
            System.out.println("wrote " + file);
            return 0;
        }
        Files.createDirectories(out);
        int digits = Math.max(6, Integer.toString(total - 1).length());
        for (int start = 0; start < total; start += batch) {
            int count = Math.min(batch, total - start);
            INDArray images = sampling.generate(random, count, labels, start);
            for (int i = 0; i < count; i++) {
                BufferedImage img = ImageTensors.toImage(images.get(NDArrayIndex.point(i)));
                String name = String.format("%0" + digits + "d", start + i)
                        + (labels == null ? "" : "-class" + labels[start + i]) + ".png";
                ImageFiles.writePng(img, out.resolve(name));
            }
        }
        System.out.println("wrote " + total + " images to " + out);
        return 0;
    }

    /**
     * The class of each image for {@code --label} (null, a class number or {@code all}) and {@code --n}: null
     * for an unconditional model without --label.
     *
     * @throws IllegalArgumentException for --label on an unconditional model, or a label that is no class
     */
    static int[] labels(Sampling sampling, String label, int n) {
        if (label == null) {
            return sampling.defaultLabels(n);
        }
        int classes = sampling.classes();
        if (label.equals("all")) {
            int[] labels = new int[n * classes];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i / n;
            }
            return labels;
        }
        int c;
        try {
            c = Integer.parseInt(label.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--label must be a class number or 'all', got '" + label + "'");
        }
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("--label " + c + " is not a class of this model: classes are 0.."
                    + (classes - 1));
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, c);
        return labels;
    }
}
