package org.gan4j.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.core.io.AtomicFiles;

/** Writes images to disk. */
public final class ImageFiles {
    private ImageFiles() {}

    /** Writes a PNG atomically ({@link AtomicFiles}), creating parent folders. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for image type " + image.getType());
            }
        });
    }
}
