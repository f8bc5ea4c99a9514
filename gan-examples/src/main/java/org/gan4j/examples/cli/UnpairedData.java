package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedImageDataset;
import org.gan4j.models.i2i.CycleGan;

/** Unpaired (CycleGAN layout: trainA, trainB, testA, testB) data as the command line opens it. */
final class UnpairedData {
    /** Images of each domain shown in the sample grids. */
    static final int PREVIEW_IMAGES = 4;

    private UnpairedData() {}

    /**
     * trainA/trainB with the variant's sizes (resize to its load size, random crop, mirror; A and B drawn
     * independently, max(|A|, |B|) examples per epoch), and the first {@value #PREVIEW_IMAGES} images of
     * testA and testB (else trainA and trainB) as its preview.
     */
    static BatchSource training(CycleGan c, Path root, int batch) {
        if (root == null) {
            throw new IllegalArgumentException("cyclegan needs --data ROOT: a folder with trainA/ and trainB/ (and"
                    + " testA/, testB/) of images, see docs/datasets.md");
        }
        UnpairedImageDataset train = UnpairedImageDataset.builder(root).batchSize(batch)
                .channels(c.inputChannels(), c.outputChannels())
                .transform(TransformOptions.defaults().withLoadSize(c.loadSize()).withCropSize(c.imageSize()))
                .build();
        boolean test = Files.isDirectory(root.resolve("testA")) && Files.isDirectory(root.resolve("testB"));
        String split = test ? "test" : "train";
        UnpairedImageDataset preview = UnpairedImageDataset.builder(root).split(split).testMode(true)
                .channels(c.inputChannels(), c.outputChannels())
                .transform(TransformOptions.resizeOnly(c.imageSize())).build();
        int n = Math.min(PREVIEW_IMAGES, Math.min(preview.filesA().size(), preview.filesB().size()));
        preview = UnpairedImageDataset.builder(root).split(split).testMode(true).batchSize(n)
                .channels(c.inputChannels(), c.outputChannels())
                .transform(TransformOptions.resizeOnly(c.imageSize())).build();
        try (var stream = preview.epoch(0, 0, 0)) {
            Batch b = stream.next();
            c.previewImages(b.a(), b.b());
        }
        return train;
    }
}
