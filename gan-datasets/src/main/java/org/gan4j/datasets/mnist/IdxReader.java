package org.gan4j.datasets.mnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (type 0x08), raw or gzip-compressed; gzip is detected by its
 * magic bytes (1f 8b), not by the file name. Every problem is reported as an {@link IOException}
 * whose message names the file, says what is wrong and how to fix it.
 */
final class IdxReader {
    /** IDX magic number of an images file (unsigned bytes, 3 dimensions). */
    static final int IMAGES_MAGIC = 0x0803;
    /** IDX magic number of a labels file (unsigned bytes, 1 dimension). */
    static final int LABELS_MAGIC = 0x0801;

    static final String FIX = "Replace it with the original MNIST file, raw or .gz (see docs/mnist.md),"
            + " or delete it so that it is fetched again.";

    private static final int BUFFER = 1 << 16;

    private IdxReader() {}

    /**
     * The content of one IDX file.
     *
     * @param file the file read
     * @param dims the dimensions (for images: count, rows, cols; for labels: count)
     * @param data the values as unsigned bytes, row-major
     * @param sha256 SHA-256 (lower-case hex) of the uncompressed file content
     */
    record Idx(Path file, int[] dims, byte[] data, String sha256) {
        int count() {
            return dims[0];
        }
    }

    /** Reads {@code file}, which must carry {@code expectedMagic} ({@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}). */
    static Idx read(Path file, int expectedMagic) throws IOException {
        return read(file, expectedMagic, FIX);
    }

    /** {@link #read(Path, int)} for data other than MNIST: {@code fix} ends every error message. */
    static Idx read(Path file, int expectedMagic, String fix) throws IOException {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file. Supply the MNIST files as described in docs/mnist.md.", e);
        }
        if (fileSize == 0) {
            throw new IOException(file + ": empty file (0 bytes), not an IDX or gzip file. " + fix);
        }
        try (BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream in = buffered;
            if (gzip) {
                try {
                    in = new GZIPInputStream(buffered, BUFFER);
                } catch (ZipException | EOFException e) {
                    throw new IOException(file + ": starts like a gzip file but is not a valid one ("
                            + e.getMessage() + "). " + fix, e);
                }
            }
            MessageDigest sha = sha256();
            try (DigestInputStream din = new DigestInputStream(in, sha)) {
                return readIdx(file, din, gzip, fileSize, expectedMagic, sha, fix);
            }
        }
    }

    private static Idx readIdx(Path file, InputStream in, boolean gzip, long fileSize, int expectedMagic,
            MessageDigest sha, String fix) throws IOException {
        String what = gzip ? " (uncompressed content of a gzip file)" : "";
        byte[] magic = new byte[4];
        int got = readFully(file, fix, in, magic, 0, 4, gzip);
        if (got < 4) {
            throw new IOException(file + ": not an IDX file: only " + got + " bytes" + what
                    + ", an IDX header has at least 8. " + fix);
        }
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] < 1) {
            throw new IOException(file + ": not an IDX file of unsigned bytes" + (gzip ? "" : " nor a gzip file")
                    + ": it starts with " + HexFormat.ofDelimiter(" ").formatHex(magic)
                    + ", expected 00 00 08 0" + (expectedMagic & 0xff) + ". " + fix);
        }
        int actualMagic = ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
        if (actualMagic != expectedMagic) {
            throw new IOException(file + ": wrong magic number " + actualMagic + " (" + describe(actualMagic)
                    + "), expected " + expectedMagic + " (" + describe(expectedMagic)
                    + "). Check that the image and label files are not swapped. " + fix);
        }
        int rank = magic[3];
        byte[] header = new byte[4 * rank];
        got = readFully(file, fix, in, header, 0, header.length, gzip);
        long headerBytes = 4L + header.length;
        if (got < header.length) {
            throw truncated(file, fix, headerBytes, 4 + got, what);
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            int j = 4 * i;
            dims[i] = ((header[j] & 0xff) << 24) | ((header[j + 1] & 0xff) << 16)
                    | ((header[j + 2] & 0xff) << 8) | (header[j + 3] & 0xff);
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new IOException(file + ": invalid size " + dims[i] + " in dimension " + i + ". " + fix);
            }
            total *= dims[i];
            if (total > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": sizes " + java.util.Arrays.toString(dims)
                        + " are too large for an in-memory IDX file. " + fix);
            }
        }
        long expectedBytes = headerBytes + total;
        if (!gzip && fileSize != expectedBytes) {
            // raw file: the size alone tells truncation or trailing bytes, before reading 47 MB
            throw fileSize < expectedBytes ? truncated(file, fix, expectedBytes, fileSize, what)
                    : trailing(file, fix, expectedBytes, fileSize + " bytes", what);
        }
        byte[] data = new byte[(int) total];
        got = readFully(file, fix, in, data, 0, data.length, gzip);
        if (got < data.length) {
            throw truncated(file, fix, expectedBytes, headerBytes + got, what);
        }
        try {
            if (in.read() != -1) {
                throw trailing(file, fix, expectedBytes, "more", what);
            }
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, fix, e);
        }
        return new Idx(file, dims, data, HexFormat.of().formatHex(sha.digest()));
    }

    /** Reads up to {@code len} bytes; returns how many were read before the end of the stream. */
    private static int readFully(Path file, String fix, InputStream in, byte[] b, int off, int len, boolean gzip)
            throws IOException {
        int n = 0;
        try {
            while (n < len) {
                int r = in.read(b, off + n, len - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException e) {
            if (!gzip) {
                throw e;
            }
            return n; // GZIPInputStream signals a cut-off stream with EOFException
        } catch (ZipException e) {
            throw corruptGzip(file, fix, e);
        }
        return n;
    }

    private static IOException truncated(Path file, String fix, long expected, long got, String what) {
        return new IOException(file + ": truncated file" + (what.isEmpty() ? "" : " or cut-off gzip stream")
                + ": expected " + expected + " bytes, got " + got + what + ". " + fix);
    }

    private static IOException trailing(Path file, String fix, long expected, String got, String what) {
        return new IOException(file + ": expected " + expected + " bytes as its header says, got " + got + what
                + " (trailing data; not an MNIST file or two files joined). " + fix);
    }

    private static IOException corruptGzip(Path file, String fix, IOException e) {
        return new IOException(file + ": corrupt gzip data (" + e.getMessage() + "). " + fix, e);
    }

    private static String describe(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "an images file";
            case LABELS_MAGIC -> "a labels file";
            default -> "an IDX file with " + (magic & 0xff) + " dimensions";
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
