package org.gan4j.examples.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.gan4j.core.image.ImageFiles;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.models.srgan.Upscaler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan upscale}: 4x super-resolution of whole images with a trained SRResNet/SRGAN. */
@Command(name = "upscale", mixinStandardHelpOptions = true,
        description = {"Upscale images 4x with a trained srresnet/srgan generator (any size, tiled so memory stays "
                + "bounded); writes OUT/NAME.png for every input image."})
public final class UpscaleCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, checkpoints/ folder or run folder")
    Path checkpoint;

    @Option(names = "--input", required = true, description = "an image file or a folder of images")
    Path input;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--tile", converter = NumericOptions.Positive.class, description = "LR tile size (default: ${DEFAULT-VALUE})")
    int tile = 96;

    @Option(names = "--overlap", converter = NumericOptions.NonNegative.class, description = "LR context pixels around each tile (default: ${DEFAULT-VALUE})")
    int overlap = 16;

    @Override
    public Integer call() throws Exception {
        Upscaler up = load(checkpoint).withTiles(tile, overlap);
        List<Path> files = Files.isDirectory(input) ? org.gan4j.datasets.image.ImageFiles.list(input) : List.of(input);
        Files.createDirectories(out);
        for (Path f : files) {
            BufferedImage img = read(f);
            long t0 = System.nanoTime();
            BufferedImage big = up.upscale(img);
            String name = f.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png";
            ImageFiles.writePng(big, out.resolve(name));
            System.out.printf(java.util.Locale.ROOT, "%s: %dx%d -> %dx%d in %.1f s%n", f.getFileName(), img.getWidth(),
                    img.getHeight(), big.getWidth(), big.getHeight(), (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    static BufferedImage read(Path f) throws IOException {
        BufferedImage img = ImageIO.read(f.toFile());
        if (img == null) {
            throw new IOException("cannot read image " + f);
        }
        return img;
    }

    /** The upscaler of an srresnet/srgan checkpoint (file, checkpoints/ folder or run folder). */
    static Upscaler load(Path source) throws IOException {
        Checkpoint cp = Checkpoint.read(source);
        GanVariant v = cp.restoreVariant();
        // a super-resolution model: one that trains on super-resolution crops (srresnet, srgan, plug-ins)
        if (!(v.data() instanceof DataSpec.SuperResolutionCrops) || v.networks().get("generator") == null) {
            throw new IllegalArgumentException(cp.file() + " is a " + cp.variantName()
                    + " checkpoint, not a super-resolution model (e.g. srresnet/srgan)");
        }
        return Upscaler.of(v.networks().get("generator"));
    }
}
