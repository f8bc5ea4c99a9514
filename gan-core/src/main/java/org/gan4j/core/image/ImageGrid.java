package org.gan4j.core.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Tiles images into one picture. */
public final class ImageGrid {
    private ImageGrid() {}

    /** Tiles an NCHW batch in [-1, 1] into rows of {@code columns}, separated by {@code gap} black pixels. */
    public static BufferedImage of(INDArray batch, int columns, int gap) {
        if (batch.rank() != 4) {
            throw new IllegalArgumentException("expected an NCHW batch, got rank " + batch.rank());
        }
        int n = (int) batch.size(0);
        BufferedImage[] images = new BufferedImage[n];
        for (int i = 0; i < n; i++) {
            images[i] = ImageTensors.toImage(batch.get(NDArrayIndex.point(i)));
        }
        return of(List.of(images), columns, gap);
    }

    /** Tiles images (all the same size) row by row. */
    public static BufferedImage of(List<BufferedImage> images, int columns, int gap) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to tile");
        }
        if (columns <= 0 || gap < 0) {
            throw new IllegalArgumentException("columns must be positive and gap non-negative");
        }
        int w = images.get(0).getWidth();
        int h = images.get(0).getHeight();
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + columns - 1) / columns;
        boolean gray = images.stream().allMatch(i -> i.getType() == BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage grid = new BufferedImage(cols * w + (cols + 1) * gap, rows * h + (rows + 1) * gap,
                gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < images.size(); i++) {
            BufferedImage img = images.get(i);
            if (img.getWidth() != w || img.getHeight() != h) {
                throw new IllegalArgumentException("image " + i + " is " + img.getWidth() + "x" + img.getHeight()
                        + ", the first is " + w + "x" + h);
            }
            g.drawImage(img, gap + (i % columns) * (w + gap), gap + (i / columns) * (h + gap), null);
        }
        g.dispose();
        return grid;
    }

    /** Scales an image up by an integer factor with nearest-neighbour sampling (for small digits). */
    public static BufferedImage scaled(BufferedImage image, int factor) {
        if (factor == 1) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, image.getType());
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }
}
