package org.gan4j.datasets.image;

import java.util.Objects;

/**
 * How images are loaded.
 *
 * @param workers background decoding threads (default: available processors; 0 = load on the caller's thread)
 * @param prefetch batches decoded ahead of the consumer (default 2 x workers, at least 1)
 * @param skipBad skip unreadable or unusable images with a WARN instead of failing (default false)
 * @param jpegDecoder JPEG reader (default {@link JpegDecoder#TWELVEMONKEYS})
 * @param exifOrientation apply the EXIF orientation tag of JPEGs (default true)
 */
public record LoadOptions(int workers, int prefetch, boolean skipBad, JpegDecoder jpegDecoder, boolean exifOrientation) {

    public LoadOptions {
        Objects.requireNonNull(jpegDecoder, "jpegDecoder");
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0, got " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
        }
    }

    /** Defaults: all processors, prefetch 2 x workers, fail on bad images, TwelveMonkeys, EXIF on. */
    public static LoadOptions defaults() {
        int n = Runtime.getRuntime().availableProcessors();
        return new LoadOptions(n, 2 * n, false, JpegDecoder.TWELVEMONKEYS, true);
    }

    /** These options with {@code n} workers and a prefetch of 2 x n batches (at least 1). */
    public LoadOptions withWorkers(int n) {
        return new LoadOptions(n, Math.max(1, 2 * n), skipBad, jpegDecoder, exifOrientation);
    }

    public LoadOptions withPrefetch(int batches) {
        return new LoadOptions(workers, batches, skipBad, jpegDecoder, exifOrientation);
    }

    public LoadOptions withSkipBad(boolean skip) {
        return new LoadOptions(workers, prefetch, skip, jpegDecoder, exifOrientation);
    }

    public LoadOptions withJpegDecoder(JpegDecoder d) {
        return new LoadOptions(workers, prefetch, skipBad, d, exifOrientation);
    }

    public LoadOptions withExifOrientation(boolean on) {
        return new LoadOptions(workers, prefetch, skipBad, jpegDecoder, on);
    }
}
