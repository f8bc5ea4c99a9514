package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.Direction;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.models.i2i.ImageTranslator;
import org.gan4j.models.i2i.Pix2Pix;

/** Paired (pix2pix layout) data as the command line opens it: training, preview pairs, evaluation. */
final class PairedData {
    /** Pairs shown in the sample grids. */
    static final int PREVIEW_PAIRS = 4;

    private PairedData() {}

    /**
     * Training pairs with the variant's sizes (resize to its load size, random crop, mirror), and the
     * first {@value #PREVIEW_PAIRS} pairs of {@code val/} (else {@code train/}) as its preview.
     */
    static BatchSource training(Pix2Pix p, Path root, int batch) {
        if (root == null) {
            throw new IllegalArgumentException("pix2pix needs --data ROOT: a folder with train/ (and val/) holding"
                    + " side-by-side A|B images, see 'gan data make-edges'");
        }
        PairedImageDataset train = PairedImageDataset.builder(root).batchSize(batch).direction(direction(p))
                .channels(left(p), right(p))
                .transform(TransformOptions.defaults().withLoadSize(p.loadSize()).withCropSize(p.imageSize()))
                .build();
        String split = Files.isDirectory(root.resolve("val")) ? "val" : "train";
        int n = Math.min(PREVIEW_PAIRS, test(root, split, p, p.imageSize(), 1).size());
        try (var stream = test(root, split, p, p.imageSize(), n).epoch(0, 0, 0)) {
            Batch b = stream.next();
            p.previewPairs(b.a(), b.b());
        }
        return train;
    }

    /** Every pair of a split once, in name order, resized to {@code size} (pix2pix's test-time loading). */
    static PairedImageDataset test(Path root, String split, ImageTranslator model, int size, int batch) {
        boolean reverse = model instanceof Pix2Pix p && p.reverseData();
        int in = model.inputChannels();
        int out = model.outputChannels();
        return PairedImageDataset.builder(root).split(split).testMode(true).batchSize(batch)
                .direction(reverse ? Direction.B_TO_A : Direction.A_TO_B)
                .channels(reverse ? out : in, reverse ? in : out).transform(TransformOptions.resizeOnly(size)).build();
    }

    private static Direction direction(Pix2Pix p) {
        return p.reverseData() ? Direction.B_TO_A : Direction.A_TO_B;
    }

    /** Channels of the left half of the files (A). */
    private static int left(Pix2Pix p) {
        return p.reverseData() ? p.outputChannels() : p.inputChannels();
    }

    private static int right(Pix2Pix p) {
        return p.reverseData() ? p.inputChannels() : p.outputChannels();
    }
}
