package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.TransformOptions;
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
        PairedImageDataset train = PairedImageDataset.builder(root).batchSize(batch)
                .channels(p.inputChannels(), p.outputChannels())
                .transform(TransformOptions.defaults().withLoadSize(p.loadSize()).withCropSize(p.imageSize()))
                .build();
        String split = Files.isDirectory(root.resolve("val")) ? "val" : "train";
        PairedImageDataset first = test(root, split, p.imageSize(), p.inputChannels(), p.outputChannels(), 1);
        int n = Math.min(PREVIEW_PAIRS, first.size());
        try (var stream = test(root, split, p.imageSize(), p.inputChannels(), p.outputChannels(), n).epoch(0, 0, 0)) {
            Batch b = stream.next();
            p.previewPairs(b.a(), b.b());
        }
        return train;
    }

    /** Every pair of a split once, in name order, resized to {@code size} (pix2pix's test-time loading). */
    static PairedImageDataset test(Path root, String split, int size, int channelsA, int channelsB, int batch) {
        return PairedImageDataset.builder(root).split(split).testMode(true).batchSize(batch)
                .channels(channelsA, channelsB).transform(TransformOptions.resizeOnly(size)).build();
    }
}
