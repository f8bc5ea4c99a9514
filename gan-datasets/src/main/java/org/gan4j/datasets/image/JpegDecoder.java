package org.gan4j.datasets.image;

/** Which JPEG reader decodes JPEG files. PNG, BMP and GIF always use the JDK's ImageIO readers. */
public enum JpegDecoder {
    /**
     * TwelveMonkeys imageio-jpeg (the default): reads CMYK/YCCK JPEGs and broken Adobe/ICC markers
     * that the JDK's reader rejects; as fast as the JDK reader (see docs/datasets.md).
     */
    TWELVEMONKEYS,
    /** The JDK's own ImageIO JPEG reader; fails on CMYK JPEGs. */
    IMAGEIO
}
