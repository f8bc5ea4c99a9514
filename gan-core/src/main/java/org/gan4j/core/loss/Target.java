package org.gan4j.core.loss;

/** What a discriminator is asked to say about a batch. */
public enum Target {
    /** Data from the training set. */
    REAL(1.0),
    /** Data made by a generator. */
    FAKE(0.0);

    private final double label;

    Target(double label) {
        this.label = label;
    }

    /** The probability label of this target (1 for real, 0 for fake) before any smoothing. */
    public double label() {
        return label;
    }
}
