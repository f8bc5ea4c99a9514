package org.gan4j.examples.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.models.i2i.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan translate}. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Run a trained image-to-image generator (pix2pix, cyclegan, discogan, ...) over images of any "
                + "size: one PNG per input, same name, same size (inputs are padded to the network's stride and "
                + "cropped back)."})
public final class TranslateCommand implements Callable<Integer> {

    /** Translation direction. */
    enum Direction { AtoB, BtoA }

    @Option(names = "--checkpoint", required = true, description = "checkpoint file, folder of checkpoints, or run folder")
    Path checkpoint;

    @Option(names = "--input", required = true, description = "an image file or a folder of images (not recursive)")
    Path input;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--direction", description = "AtoB (the trained direction, default) or BtoA (two-way models only, e.g. cyclegan, discogan)")
    Direction direction = Direction.AtoB;

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        if (Files.isDirectory(input)) {
            files = ImageFiles.list(input);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no images (" + ImageFiles.EXTENSIONS + ") in " + input);
            }
        } else if (Files.isRegularFile(input)) {
            files = List.of(input);
        } else {
            throw new IllegalArgumentException("input not found: " + input);
        }
        Translator t = Translator.load(checkpoint, direction == Direction.BtoA);
        Files.createDirectories(out);
        long start = System.nanoTime();
        for (Path f : files) {
            BufferedImage result = t.translate(ImageFiles.read(f));
            org.gan4j.core.image.ImageFiles.writePng(result, out.resolve(pngName(f)));
        }
        System.out.printf(Locale.ROOT, "translated %d image(s) into %s (%.0f ms per image)%n", files.size(), out,
                (System.nanoTime() - start) / 1e6 / files.size());
        return 0;
    }

    static String pngName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".png";
    }
}
