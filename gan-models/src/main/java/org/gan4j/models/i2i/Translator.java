package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.gan4j.core.image.ImageTensors;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a trained image-to-image generator on images of any size: each image is padded (edge pixels
 * repeated, centred) to the next multiple of the network's {@link ImageTranslator#sizeMultiple()},
 * translated, and cropped back to its own size.
 *
 * <pre>{@code
 * Translator t = Translator.load(Path.of("runs/pix2pix/checkpoints"));
 * BufferedImage out = t.translate(ImageIO.read(new File("edges.png")));
 * }</pre>
 */
public final class Translator {
    private final ImageTranslator model;

    public Translator(ImageTranslator model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The model of a checkpoint (file, folder of checkpoints, or run folder), in its trained direction. */
    public static Translator load(Path checkpoint) throws IOException {
        return load(checkpoint, false);
    }

    /**
     * The model of a checkpoint; {@code reverse} asks for the B-to-A direction of a two-way model.
     *
     * @throws IllegalArgumentException if the checkpoint holds no image-to-image model
     * @throws IllegalArgumentException also if {@code reverse} is asked of a one-way model such as pix2pix
     */
    public static Translator load(Path checkpoint, boolean reverse) throws IOException {
        Checkpoint cp = Checkpoint.read(checkpoint);
        return of(cp, cp.restoreVariant(), reverse);
    }

    /**
     * The model of {@code variant}, restored from {@code cp} ({@link Checkpoint#restoreVariant()}), in one
     * direction: the one place that turns a checkpoint's variant into a translator.
     *
     * @throws IllegalArgumentException naming the checkpoint if the variant does not translate images, or if
     *     {@code reverse} is asked of a one-way model such as pix2pix
     */
    public static Translator of(Checkpoint cp, GanVariant variant, boolean reverse) {
        if (!(variant instanceof ImageTranslator t)) {
            throw new IllegalArgumentException("checkpoint " + cp.file() + " holds variant " + cp.variantName()
                    + ", which does not translate images");
        }
        ImageTranslator direction;
        try {
            direction = reverse ? t.reverse() : t;
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("checkpoint " + cp.file() + " (" + cp.variantName() + "): " + e.getMessage(), e);
        }
        return new Translator(direction);
    }

    /** The opposite direction of a two-way model (CycleGAN, DiscoGAN), or empty for a one-way model. */
    public java.util.Optional<Translator> reverse() {
        try {
            return java.util.Optional.of(new Translator(model.reverse()));
        } catch (UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    public ImageTranslator model() {
        return model;
    }

    /** Translates one image of any size (at least 1x1); the result has the same size. */
    public BufferedImage translate(BufferedImage image) {
        INDArray x = ImageTensors.toTensor(image, model.inputChannels());
        return ImageTensors.toImage(translate(x));
    }

    /** Translates a batch NCHW in [-1, 1] of any height and width; the result has the same height and width. */
    public INDArray translate(INDArray images) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("expected NCHW images, got shape " + java.util.Arrays.toString(images.shape()));
        }
        int m = model.sizeMultiple();
        long h = images.size(2);
        long w = images.size(3);
        long ph = (h + m - 1) / m * m;
        long pw = (w + m - 1) / m * m;
        if (ph == h && pw == w) {
            return model.translate(images);
        }
        long top = (ph - h) / 2;
        long left = (pw - w) / 2;
        INDArray out = model.translate(padEdges(images, ph, pw, top, left));
        return out.get(all(), all(), interval(top, top + h), interval(left, left + w)).dup();
    }

    /** Pads to {@code ph x pw} with the image at (top, left), repeating the edge pixels outwards. */
    static INDArray padEdges(INDArray x, long ph, long pw, long top, long left) {
        long h = x.size(2);
        long w = x.size(3);
        INDArray p = Nd4j.create(x.dataType(), x.size(0), x.size(1), ph, pw);
        var cols = interval(left, left + w);
        p.get(all(), all(), interval(top, top + h), cols).assign(x);
        for (long r = 0; r < top; r++) {
            p.get(all(), all(), point(r), cols).assign(p.get(all(), all(), point(top), cols));
        }
        for (long r = top + h; r < ph; r++) {
            p.get(all(), all(), point(r), cols).assign(p.get(all(), all(), point(top + h - 1), cols));
        }
        for (long c = 0; c < left; c++) {
            p.get(all(), all(), all(), point(c)).assign(p.get(all(), all(), all(), point(left)));
        }
        for (long c = left + w; c < pw; c++) {
            p.get(all(), all(), all(), point(c)).assign(p.get(all(), all(), all(), point(left + w - 1)));
        }
        return p;
    }
}
