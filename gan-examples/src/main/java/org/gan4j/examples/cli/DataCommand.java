package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.tools.DatasetCheck;
import org.gan4j.datasets.image.tools.DatasetTools;
import org.gan4j.datasets.image.tools.EdgeDetector;
import org.gan4j.datasets.image.tools.FashionTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gan data}: dataset tools (check, make-paired, make-edges, make-tiles, split) and the benchmark tasks
 * (fashion-edges, fashion-unpaired, collect-photos).
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Check and build image datasets.",
        subcommands = {DataCommand.Check.class, DataCommand.MakePaired.class, DataCommand.MakeEdges.class,
                DataCommand.MakeTiles.class, DataCommand.Split.class, DataCommand.FashionEdges.class,
                DataCommand.FashionUnpaired.class, DataCommand.CollectPhotos.class})
public class DataCommand implements Callable<Integer> {
    public DataCommand() {}

    @Override
    public Integer call() {
        System.out.println("usage: gan data (check | make-paired | make-edges | make-tiles | split | fashion-edges"
                + " | fashion-unpaired | collect-photos) ...; see gan data --help");
        return 2;
    }

    static int fail(String message) {
        System.out.println("error: " + message);
        return 1;
    }

    static void print(DatasetTools.Result r) {
        r.written().forEach((k, v) -> System.out.println("  " + k + ": " + v + " images"));
        r.skipped().forEach((k, v) -> System.out.println("  SKIPPED " + k + ": " + v));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a dataset (unpaired trainA/trainB/testA/testB, paired train/val/test, or a folder).")
    static class Check implements Callable<Integer> {
        @Parameters(index = "0", description = "dataset root") Path root;

        @Override
        public Integer call() {
            try {
                DatasetCheck.Report r = DatasetCheck.check(root);
                System.out.print(r.format());
                return r.ok() ? 0 : 1;
            } catch (DatasetException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "make-paired", mixinStandardHelpOptions = true,
            description = "Combine same-named images of two folders side by side (A left, B right).")
    static class MakePaired implements Callable<Integer> {
        @Option(names = "--a", required = true, description = "folder of A images (or with train/val/test)") Path a;
        @Option(names = "--b", required = true, description = "folder of B images, same names") Path b;
        @Option(names = "--out", required = true, description = "output root") Path out;
        @Option(names = "--size", converter = NumericOptions.NonNegative.class, defaultValue = "0", description = "resize each half to N x N (0 = keep; default ${DEFAULT-VALUE})") int size;
        @Option(names = "--format", defaultValue = "jpg", description = "jpg or png (default ${DEFAULT-VALUE})") String format;

        @Override
        public Integer call() {
            try {
                DatasetTools.Result r = DatasetTools.makePaired(a, b, out, size, format);
                System.out.println("wrote " + r.total() + " pairs to " + out);
                print(r);
                return r.total() > 0 ? 0 : fail("no pairs written: no same-named images in " + a + " and " + b);
            } catch (DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "make-edges", mixinStandardHelpOptions = true,
            description = "Build an edges2X paired dataset from photos: [Canny edges | photo] in OUT/train and OUT/val.")
    static class MakeEdges implements Callable<Integer> {
        @Option(names = "--photos", required = true, description = "folder of photos") Path photos;
        @Option(names = "--out", required = true, description = "output root") Path out;
        @Option(names = "--size", converter = NumericOptions.Positive.class, defaultValue = "256", description = "side of each half (default ${DEFAULT-VALUE})") int size;
        @Option(names = "--val", converter = NumericOptions.Fraction.class, defaultValue = "0.1", description = "fraction for val/ (default ${DEFAULT-VALUE})") double val;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the train/val assignment (default ${DEFAULT-VALUE})") long seed;
        @Option(names = "--sigma", converter = NumericOptions.PositiveReal.class, defaultValue = "1.5", description = "Gaussian sigma of the edge detector (default ${DEFAULT-VALUE})") double sigma;

        @Override
        public Integer call() {
            try {
                EdgeDetector d = new EdgeDetector(sigma, 0.8, 0.4);
                DatasetTools.Result r = DatasetTools.makeEdges(photos, out, size, val, seed, d);
                System.out.println("wrote " + r.total() + " edge|photo pairs to " + out);
                print(r);
                return 0;
            } catch (DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "make-tiles", mixinStandardHelpOptions = true,
            description = "Cut random square tiles from a few large images (for small demo datasets).")
    static class MakeTiles implements Callable<Integer> {
        @Option(names = "--in", required = true) Path in;
        @Option(names = "--out", required = true) Path out;
        @Option(names = "--size", converter = NumericOptions.Positive.class, defaultValue = "256") int size;
        @Option(names = "--per-image", converter = NumericOptions.Positive.class, defaultValue = "10") int perImage;
        @Option(names = "--seed", defaultValue = "1") long seed;

        @Override
        public Integer call() {
            try {
                DatasetTools.Result r = DatasetTools.tiles(in, out, size, perImage, seed);
                System.out.println("wrote " + r.total() + " tiles to " + out);
                print(r);
                return 0;
            } catch (DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Copy a folder's images into subfolders by fractions, reproducibly, "
                    + "e.g. --into train=0.9,val=0.1 or --into trainA=0.8,testA=0.2.")
    static class Split implements Callable<Integer> {
        @Option(names = "--in", required = true) Path in;
        @Option(names = "--out", required = true) Path out;
        @Option(names = "--into", required = true, split = ",", description = "NAME=FRACTION,...") Map<String, Double> into;
        @Option(names = "--seed", defaultValue = "1") long seed;

        @Override
        public Integer call() {
            try {
                DatasetTools.Result r = DatasetTools.split(in, out, new LinkedHashMap<>(into), seed);
                System.out.println("split " + r.total() + " images of " + in + " into " + out);
                print(r);
                return 0;
            } catch (DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "fashion-edges", mixinStandardHelpOptions = true,
            description = {"Benchmark task for pix2pix and DiscoGAN: [edge map | object] pairs (edges2shoes layout,"
                    + " OUT/train from Fashion-MNIST's training split, OUT/val from its test split, labels.csv in each)"
                    + " of the chosen Fashion-MNIST classes, dark objects on white, upscaled from 28x28.",
                    "Debian: apt-get install dataset-fashion-mnist; --fashion-mnist /usr/share/datasets/fashion-mnist"})
    static class FashionEdges implements Callable<Integer> {
        @Option(names = "--fashion-mnist", required = true, paramLabel = "DIR", description = "folder of the four Fashion-MNIST IDX files (raw or .gz)") Path fashion;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output root (new or empty)") Path out;
        @Option(names = "--classes", split = ",", paramLabel = "NAME", defaultValue = "sandal,sneaker,ankle_boot", description = "Fashion-MNIST classes (default ${DEFAULT-VALUE}; all: t_shirt_top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle_boot)") List<String> classes;
        @Option(names = "--size", converter = NumericOptions.Positive.class, paramLabel = "N", defaultValue = "64", description = "side of each half (default ${DEFAULT-VALUE})") int size;
        @Option(names = "--limit", converter = NumericOptions.NonNegative.class, paramLabel = "N", defaultValue = "0", description = "at most N pairs per split, the first in Fashion-MNIST's order (0 = all; default ${DEFAULT-VALUE})") int limit;
        @Option(names = "--sigma", converter = NumericOptions.PositiveReal.class, defaultValue = "1.0", description = "Gaussian sigma of the edge detector (default ${DEFAULT-VALUE})") double sigma;

        @Override
        public Integer call() {
            try {
                EdgeDetector d = new EdgeDetector(sigma, 0.8, 0.4);
                DatasetTools.Result r = FashionTasks.edges(fashion, out, classes, size, limit, d);
                System.out.println("wrote " + r.total() + " edge|object pairs to " + out);
                print(r);
                return 0;
            } catch (IOException | DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "fashion-unpaired", mixinStandardHelpOptions = true,
            description = {"Benchmark task for CycleGAN: two domains of Fashion-MNIST classes in the monet2photo layout"
                    + " (OUT/trainA, trainB from the training split, testA, testB from the test split, labels.csv in"
                    + " each), dark objects on white, upscaled from 28x28.",
                    "Debian: apt-get install dataset-fashion-mnist; --fashion-mnist /usr/share/datasets/fashion-mnist"})
    static class FashionUnpaired implements Callable<Integer> {
        @Option(names = "--fashion-mnist", required = true, paramLabel = "DIR", description = "folder of the four Fashion-MNIST IDX files (raw or .gz)") Path fashion;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output root (new or empty)") Path out;
        @Option(names = "--a", split = ",", paramLabel = "NAME", defaultValue = "sneaker", description = "classes of domain A (default ${DEFAULT-VALUE})") List<String> a;
        @Option(names = "--b", split = ",", paramLabel = "NAME", defaultValue = "ankle_boot", description = "classes of domain B (default ${DEFAULT-VALUE})") List<String> b;
        @Option(names = "--size", converter = NumericOptions.Positive.class, paramLabel = "N", defaultValue = "64", description = "image side (default ${DEFAULT-VALUE})") int size;
        @Option(names = "--limit", converter = NumericOptions.NonNegative.class, paramLabel = "N", defaultValue = "0", description = "at most N images per folder (0 = all; default ${DEFAULT-VALUE})") int limit;

        @Override
        public Integer call() {
            try {
                DatasetTools.Result r = FashionTasks.unpaired(fashion, out, a, b, size, limit);
                System.out.println("wrote " + r.total() + " images to " + out);
                print(r);
                return 0;
            } catch (IOException | DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "collect-photos", mixinStandardHelpOptions = true,
            description = {"Gather photos for super-resolution into one folder as PNGs (same base names), shrunk so"
                    + " that the longer side is at most --max-side; folders are searched recursively.",
                    "E.g. from a Debian package unpacked with apt-get download + dpkg -x (see docs/datasets.md)."})
    static class CollectPhotos implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "image files and folders of images") List<Path> sources;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder") Path out;
        @Option(names = "--max-side", converter = NumericOptions.NonNegative.class, paramLabel = "N", defaultValue = "0", description = "shrink larger photos to this longer side (0 = keep; default ${DEFAULT-VALUE})") int maxSide;

        @Override
        public Integer call() {
            try {
                DatasetTools.Result r = DatasetTools.collectPhotos(sources, out, maxSide);
                System.out.println("wrote " + r.total() + " photos to " + out);
                print(r);
                return r.total() > 0 ? 0 : fail("no photo written to " + out);
            } catch (DatasetException | IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }
}
