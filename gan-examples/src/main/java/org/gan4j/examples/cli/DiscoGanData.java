package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedPairsDataset;
import org.gan4j.models.i2i.DiscoGan;

/** DiscoGAN's data as the command line opens it: a paired side-by-side folder read as two unpaired domains. */
final class DiscoGanData {
    private DiscoGanData() {}

    /**
     * Left halves of the first half of {@code train/} as A (edges thickened, as the reference does for edges2*),
     * right halves of the second half as B, resized to the image size; the first {@value PairedData#PREVIEW_PAIRS}
     * aligned pairs of {@code val/} (else {@code train/}) as the preview.
     */
    static BatchSource training(DiscoGan d, Path root, int batch) {
        if (root == null) {
            throw new IllegalArgumentException("discogan needs --data ROOT: a folder with train/ (and val/) holding"
                    + " side-by-side A|B images (e.g. edges2shoes), see 'gan data make-edges'");
        }
        TransformOptions resize = TransformOptions.resizeOnly(d.imageSize());
        UnpairedPairsDataset train = UnpairedPairsDataset.builder(root).batchSize(batch).thickenEdges(true)
                .transform(resize).build();
        String split = Files.isDirectory(root.resolve("val")) ? "val" : "train";
        var test = UnpairedPairsDataset.builder(root).split(split).testMode(true).thickenEdges(true).transform(resize);
        int n = Math.min(PairedData.PREVIEW_PAIRS, test.batchSize(1).build().size());
        try (var stream = test.batchSize(n).build().epoch(0, 0, 0)) {
            Batch b = stream.next();
            d.previewPairs(b.a(), b.b());
        }
        return train;
    }
}
