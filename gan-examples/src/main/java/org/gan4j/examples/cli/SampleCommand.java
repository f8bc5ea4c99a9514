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
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.ImageSampler;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.VariantProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan sample}. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Generate images with a trained generator: N numbered PNGs (000000.png ...),",
            "or with --grid one grid PNG."})
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, or a folder (its newest checkpoint; a run folder's checkpoints/ works too)")
    Path checkpoint;

    @Option(names = "--n", description = "number of images (default: ${DEFAULT-VALUE})")
    int n = 64;

    @Option(names = "--out", required = true, description = "output folder (or, with --grid, a .png file or a folder)")
    Path out;

    @Option(names = "--grid", description = "write one grid PNG instead of single images")
    boolean grid;

    @Option(names = "--columns", description = "grid columns (default: ${DEFAULT-VALUE})")
    int columns = 10;

    @Option(names = "--scale", description = "with --grid: enlarge the grid N times, nearest neighbour (default: ${DEFAULT-VALUE})")
    int scale = 1;

    @Option(names = "--seed", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--batch", description = "images generated per forward pass (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Override
    public Integer call() throws Exception {
        if (n <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + n);
        }
        ImageSampler sampler = sampler(checkpoint(checkpoint));
        SplittableRandom random = new SplittableRandom(seed);
        long[] zShape = sampler.noiseShape();
        if (grid) {
            INDArray images = generate(sampler, random, zShape, n);
            if (scale < 1 || scale > 16) {
                throw new IllegalArgumentException("--scale must be 1..16, got " + scale);
            }
            BufferedImage img = ImageGrid.of(images, columns, 2);
            img = scale > 1 ? ImageGrid.scaled(img, scale) : img;
            Path file = out.toString().endsWith(".png") ? out : out.resolve("grid.png");
            ImageFiles.writePng(img, file);
            System.out.println("wrote " + file);
            return 0;
        }
        Files.createDirectories(out);
        int digits = Math.max(6, Integer.toString(n - 1).length());
        for (int start = 0; start < n; start += batch) {
            int count = Math.min(batch, n - start);
            INDArray images = generate(sampler, random, zShape, count);
            for (int i = 0; i < count; i++) {
                BufferedImage img = ImageTensors.toImage(images.get(NDArrayIndex.point(i)));
                ImageFiles.writePng(img, out.resolve(String.format("%0" + digits + "d.png", start + i)));
            }
        }
        System.out.println("wrote " + n + " images to " + out);
        return 0;
    }

    /** The checkpoint {@code --checkpoint} names: a file, a folder of checkpoints, or a run folder. */
    static Checkpoint checkpoint(Path path) throws java.io.IOException {
        Path source = path;
        if (Files.isDirectory(source) && Files.isDirectory(source.resolve("checkpoints"))) {
            source = source.resolve("checkpoints");
        }
        return Checkpoint.read(source);
    }

    /** The checkpoint's noise-to-image variant with its generator restored. */
    static ImageSampler sampler(Checkpoint cp) throws java.io.IOException {
        GanVariant v = VariantProvider.find(cp.variantName()).create(cp.variantConfig(), cp.seed());
        if (!(v instanceof ImageSampler sampler)) {
            throw new IllegalArgumentException("variant " + cp.variantName() + " does not generate images from noise");
        }
        v.networks().get("generator").copyStateFrom(cp.loadNetwork("generator"));
        return sampler;
    }

    /** {@code count} images from the next noise vectors of {@code random} (the same images whatever the batching). */
    static INDArray generate(ImageSampler sampler, SplittableRandom random, long[] zShape, int count) {
        long[] shape = new long[zShape.length + 1];
        shape[0] = count;
        System.arraycopy(zShape, 0, shape, 1, zShape.length);
        return sampler.generate(StepContext.gaussian(random, shape));
    }
}
