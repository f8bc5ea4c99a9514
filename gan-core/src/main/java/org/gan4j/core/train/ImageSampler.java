package org.gan4j.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A variant that turns noise into images (unconditional GANs); used to sample from a trained model. */
public interface ImageSampler {

    /** Shape of one noise example, without the batch dimension. */
    long[] noiseShape();

    /** Images made from {@code noise} (inference mode), NCHW in [-1, 1]. */
    INDArray generate(INDArray noise);
}
