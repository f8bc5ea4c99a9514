package org.gan4j.datasets.image.tools;

import java.nio.file.Path;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.gan4j.datasets.image.ImageFolderDataset;
import org.gan4j.datasets.image.JpegDecoder;
import org.gan4j.datasets.image.LoadOptions;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedImageDataset;

/**
 * Measures the whole loading path (read, decode, resize 286, random crop 256, flip, tensor) through the
 * real datasets and their prefetching: images per second, with a chosen JPEG decoder and worker count.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    /** One measurement: images decoded and augmented per second (both halves of a pair count as one image each). */
    public record Result(String layout, JpegDecoder decoder, int workers, int images, double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }

        public double perWorker() {
            return imagesPerSecond() / Math.max(1, workers);
        }

        @Override
        public String toString() {
            return String.format("%-8s %-13s workers %d: %7.1f images/s (%6.1f per worker), %d images in %.1f s",
                    layout, decoder, workers, imagesPerSecond(), perWorker(), images, seconds);
        }
    }

    /**
     * Runs epochs for about {@code seconds} (after a short warm-up) over the dataset at {@code root}.
     *
     * @param layout "paired", "unpaired" or "folder"
     */
    public static Result run(String layout, Path root, JpegDecoder decoder, int workers, double seconds) {
        LoadOptions load = LoadOptions.defaults().withWorkers(workers).withJpegDecoder(decoder);
        TransformOptions t = TransformOptions.defaults();
        BatchSource ds;
        int perExample;
        switch (layout) {
            case "paired" -> {
                ds = PairedImageDataset.builder(root).transform(t).load(load).batchSize(1).build();
                perExample = 2;
            }
            case "unpaired" -> {
                ds = UnpairedImageDataset.builder(root).transform(t).load(load).batchSize(1).build();
                perExample = 2;
            }
            case "folder" -> {
                ds = ImageFolderDataset.builder(root).transform(t).load(load).batchSize(1).build();
                perExample = 1;
            }
            default -> throw new IllegalArgumentException("layout must be paired, unpaired or folder, got " + layout);
        }
        drain(ds, 0, Math.min(ds.batchesPerEpoch(), 20));
        long t0 = System.nanoTime();
        int images = 0;
        int epoch = 1;
        while ((System.nanoTime() - t0) < seconds * 1e9) {
            images += perExample * drain(ds, epoch++, ds.batchesPerEpoch());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(layout, decoder, workers, images, s);
    }

    private static int drain(BatchSource ds, int epoch, int max) {
        int n = 0;
        try (BatchStream s = ds.epoch(42, epoch, 0)) {
            while (s.hasNext() && n < max) {
                n += s.next().size();
            }
        }
        return n;
    }
}
