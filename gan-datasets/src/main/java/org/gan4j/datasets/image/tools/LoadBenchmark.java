package org.gan4j.datasets.image.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.gan4j.datasets.image.ImageFiles;
import org.gan4j.datasets.image.ImageFolderDataset;
import org.gan4j.datasets.image.JpegDecoder;
import org.gan4j.datasets.image.LoadOptions;
import org.gan4j.datasets.image.PairedImageDataset;
import org.gan4j.datasets.image.TransformOptions;
import org.gan4j.datasets.image.UnpairedImageDataset;

/**
 * Measures the whole loading path (read, decode, resize 286, random crop 256, flip, tensor) through the
 * real datasets and their prefetching: images per second, with a chosen JPEG decoder and worker count.
 * {@link #decodeOnly} measures reading and decoding alone on the calling thread (one core).
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

    /** Pure decoding on one thread: files and 256x256-equivalent images (decoded pixels / 65536) per second. */
    public record DecodeResult(String layout, JpegDecoder decoder, int files, long pixels, double seconds) {
        public double filesPerSecond() {
            return files / seconds;
        }

        /** Decoded pixels per second divided by 256 x 256 (a 512x256 pair counts as two images). */
        public double images256PerSecond() {
            return pixels / 65536.0 / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-8s %-13s decode only, 1 thread: %7.1f images/s at 256x256 (%6.1f files/s), %d files in %.1f s",
                    layout, decoder, images256PerSecond(), filesPerSecond(), files, seconds);
        }
    }

    /**
     * Reads and decodes every image of the layout's training folders (paired: train; unpaired: trainA
     * and trainB; folder: the root) in a loop for about {@code seconds} after one warm-up pass, without
     * resizing, cropping or tensors.
     */
    public static DecodeResult decodeOnly(String layout, Path root, JpegDecoder decoder, double seconds) {
        List<Path> files = new ArrayList<>();
        switch (layout) {
            case "paired" -> files.addAll(ImageFiles.list(root.resolve("train")));
            case "unpaired" -> {
                files.addAll(ImageFiles.list(root.resolve("trainA")));
                files.addAll(ImageFiles.list(root.resolve("trainB")));
            }
            case "folder" -> files.addAll(ImageFiles.list(root));
            default -> throw new IllegalArgumentException("layout must be paired, unpaired or folder, got " + layout);
        }
        for (Path f : files) {
            ImageFiles.decodePixels(f, decoder);
        }
        long t0 = System.nanoTime();
        int n = 0;
        long pixels = 0;
        while ((System.nanoTime() - t0) < seconds * 1e9) {
            for (Path f : files) {
                pixels += ImageFiles.decodePixels(f, decoder);
                n++;
            }
        }
        return new DecodeResult(layout, decoder, n, pixels, (System.nanoTime() - t0) / 1e9);
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
