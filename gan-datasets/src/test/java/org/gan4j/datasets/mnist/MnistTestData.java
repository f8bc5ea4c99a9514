package org.gan4j.datasets.mnist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The real MNIST files for tests: the folder named by the system property {@code gan4j.test.mnist}
 * (set by the parent pom to the shared data folder); if it lacks the files, whatever
 * {@link MnistLocator#defaults()} finds or fetches. Each split is read once per JVM.
 */
final class MnistTestData {
    private static final Map<MnistSplit, Mnist> LOADED = new EnumMap<>(MnistSplit.class);

    private MnistTestData() {}

    /** The locator the tests use for real data. */
    static MnistLocator locator() {
        String prop = System.getProperty("gan4j.test.mnist");
        if (prop != null && !prop.isBlank()) {
            Path dir = Path.of(prop);
            boolean complete = true;
            for (MnistSplit s : MnistSplit.values()) {
                complete &= MnistLocator.file(dir, s.imagesFile()) != null
                        && MnistLocator.file(dir, s.labelsFile()) != null;
            }
            if (complete) {
                return MnistLocator.defaults().withFolder(dir);
            }
        }
        return MnistLocator.defaults();
    }

    static synchronized Mnist load(MnistSplit split) {
        return LOADED.computeIfAbsent(split, s -> {
            try {
                return locator().load(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A real file's uncompressed content. */
    static byte[] rawBytes(MnistSplit split, String name) throws IOException {
        Path file = MnistLocator.file(locator().locate(split), name);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return gz.readAllBytes();
            }
        }
        return bytes;
    }

    /** A synthetic IDX images file: {@code count} images of {@code rows x cols}, pixel = (i + p) % 256. */
    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            b.put((byte) (i % 256));
        }
        return b.array();
    }

    /** A synthetic IDX labels file with labels i % 10. */
    static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
