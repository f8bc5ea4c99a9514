package org.gan4j.datasets.mnist;

/** The two parts of MNIST, with the names of their IDX files and the SHA-256 of their raw content. */
public enum MnistSplit {
    /** 60000 training images. */
    TRAIN(60_000, "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    /** 10000 test images. */
    TEST(10_000, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final int size;
    private final String imagesFile;
    private final String labelsFile;
    private final String imagesSha256;
    private final String labelsSha256;

    MnistSplit(int size, String imagesFile, String labelsFile, String imagesSha256, String labelsSha256) {
        this.size = size;
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.imagesSha256 = imagesSha256;
        this.labelsSha256 = labelsSha256;
    }

    /** Number of examples in the official release. */
    public int size() {
        return size;
    }

    /** Name of the uncompressed images file; {@code name + ".gz"} is accepted too. */
    public String imagesFile() {
        return imagesFile;
    }

    /** Name of the uncompressed labels file; {@code name + ".gz"} is accepted too. */
    public String labelsFile() {
        return labelsFile;
    }

    /** SHA-256 (lower-case hex) of the uncompressed images file. */
    String imagesSha256() {
        return imagesSha256;
    }

    /** SHA-256 (lower-case hex) of the uncompressed labels file. */
    String labelsSha256() {
        return labelsSha256;
    }

    /** Expected SHA-256 of the raw content of {@code fileName} (one of this split's two names). */
    String sha256Of(String fileName) {
        if (fileName.equals(imagesFile)) {
            return imagesSha256;
        }
        if (fileName.equals(labelsFile)) {
            return labelsSha256;
        }
        throw new IllegalArgumentException(fileName + " is not a file of " + this);
    }
}
