package org.gan4j.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A variant that turns noise and a class label into images (conditional GANs, e.g. Mirza &amp;
 * Osindero 2014); used to sample a chosen class from a trained model and to check that the samples
 * show the class that was asked for.
 *
 * <p>The unconditional counterpart is {@link ImageSampler}. A variant may implement both (then
 * {@link ImageSampler#generate(INDArray)} picks the labels itself).
 */
public interface ConditionalSampler {

    /** Number of classes; labels run from 0 to {@code numClasses() - 1}. */
    int numClasses();

    /** Shape of one noise example, without the batch dimension. */
    long[] noiseShape();

    /**
     * Images made from {@code noise} for the given class labels (inference mode), NCHW in [-1, 1].
     *
     * @param noise one noise example per image, shape {@code [n, noiseShape()...]}
     * @param labels one class per image, {@code labels.length == n}
     * @throws IllegalArgumentException if the lengths differ or a label is outside
     *     {@code [0, numClasses())}, naming the label
     */
    INDArray generate(INDArray noise, int[] labels);

    /**
     * The plain DL4J network {@link #generate} runs (inference mode), e.g. to save with
     * {@code ModelSerializer}; its javadoc in the implementing variant says how the label enters
     * (e.g. a one-hot vector as a second input). It may be a copy of the training generator (with
     * re-estimated batch-norm statistics, see {@link org.gan4j.core.nn.BatchNormStatistics}).
     */
    org.deeplearning4j.nn.api.Model samplingModel();

    /**
     * Checks {@code labels} against {@link #numClasses()} and the batch size {@code n}: the check
     * every implementation of {@link #generate} starts with.
     *
     * @throws IllegalArgumentException naming the first bad label, or the length mismatch
     */
    default void checkLabels(int[] labels, long n) {
        if (labels.length != n) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + n + " noise examples; give one label per example");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses()) {
                throw new IllegalArgumentException("label " + labels[i] + " (example " + i
                        + ") is not a class of this model; classes are 0.." + (numClasses() - 1));
            }
        }
    }
}
