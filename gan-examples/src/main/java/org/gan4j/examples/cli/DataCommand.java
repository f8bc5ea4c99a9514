package org.gan4j.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.tools.DatasetCheck;
import org.gan4j.datasets.image.tools.DatasetTools;
import org.gan4j.datasets.image.tools.EdgeDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan data}: dataset tools (check, make-paired, make-edges, make-tiles, split). */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Check and build image datasets.",
        subcommands = {DataCommand.Check.class, DataCommand.MakePaired.class, DataCommand.MakeEdges.class,
                DataCommand.MakeTiles.class, DataCommand.Split.class})
public class DataCommand implements Callable<Integer> {
    public DataCommand() {}

    @Override
    public Integer call() {
        System.out.println("usage: gan data (check | make-paired | make-edges | make-tiles | split) ...; see gan data --help");
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
}
