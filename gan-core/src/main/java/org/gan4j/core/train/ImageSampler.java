package org.gan4j.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A variant that turns noise into images (unconditional GANs); used to sample from a trained model. */
public interface ImageSampler {

    /** Shape of one noise example, without the batch dimension. */
    long[] noiseShape();

    /** Images made from {@code noise} (inference mode), NCHW in [-1, 1]. */
    INDArray generate(INDArray noise);

    /**
     * The plain DL4J network {@link #generate} runs (noise in, images out, inference mode), e.g. to save
     * with {@code ModelSerializer}. It may be a copy of the training generator (with re-estimated
     * batch-norm statistics, see {@link org.gan4j.core.nn.BatchNormStatistics}).
     */
    org.deeplearning4j.nn.api.Model samplingModel();
}
