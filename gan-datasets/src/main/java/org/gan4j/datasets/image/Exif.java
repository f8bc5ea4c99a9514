package org.gan4j.datasets.image;

/** Reads the EXIF orientation tag (0x0112) of a JPEG from its APP1 segment; 1 when absent or unreadable. */
final class Exif {
    private Exif() {}

    static int orientation(byte[] b) {
        try {
            int i = 2;
            while (i + 4 <= b.length && (b[i] & 0xff) == 0xFF) {
                int marker = b[i + 1] & 0xff;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1;
                }
                int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                int seg = i + 4;
                if (marker == 0xE1 && len >= 16 && b[seg] == 'E' && b[seg + 1] == 'x' && b[seg + 2] == 'i'
                        && b[seg + 3] == 'f' && b[seg + 4] == 0 && b[seg + 5] == 0) {
                    return fromTiff(b, seg + 6, i + 2 + len);
                }
                i += 2 + len;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int t, int end) {
        boolean little = b[t] == 'I';
        int ifd = t + u32(b, t + 4, little);
        int n = u16(b, ifd, little);
        for (int k = 0; k < n; k++) {
            int e = ifd + 2 + 12 * k;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, little) == 0x0112) {
                int v = u16(b, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 : (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int u32(byte[] b, int i, boolean little) {
        return little ? u16(b, i, true) | u16(b, i + 2, true) << 16 : u16(b, i, false) << 16 | u16(b, i + 2, false);
    }
}
