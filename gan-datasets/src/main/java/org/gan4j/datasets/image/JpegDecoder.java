package org.gan4j.datasets.image;

/** Which JPEG reader decodes JPEG files. PNG, BMP and GIF always use the JDK's ImageIO readers. */
public enum JpegDecoder {
    /**
     * TwelveMonkeys imageio-jpeg (the default): reads CMYK/YCCK JPEGs and broken Adobe/ICC markers
     * that the JDK's reader rejects; as fast as the JDK reader (see docs/datasets.md).
     */
    TWELVEMONKEYS,
    /** The JDK's own ImageIO JPEG reader; fails on CMYK JPEGs. */
    IMAGEIO,
    /**
     * libjpeg-turbo through OpenCV's JavaCPP presets ({@code imdecode}). Optional: needs
     * {@code org.bytedeco:opencv:4.5.5-1.5.7} and its {@code linux-x86_64} classifier on the class path
     * (datasets built with it fail at build() with that fix otherwise). JPEGs it refuses go to TwelveMonkeys.
     * Unlike the others it does not report libjpeg's recoverable "corrupt data" warnings (see docs/datasets.md).
     */
    OPENCV
}
