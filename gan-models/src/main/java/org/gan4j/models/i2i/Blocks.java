package org.gan4j.models.i2i;

import org.gan4j.core.train.LinearDecaySchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The settings checks and optimizer the image-to-image variants share (their networks are in
 * {@link org.gan4j.models.nets}).
 */
final class Blocks {
    private Blocks() {}

    /**
     * Adam (beta2 0.999, eps 1e-8, PyTorch's defaults) with the reference "linear" policy: constant for
     * {@code constantEpochs}, then linear decay towards 0 over {@code decayEpochs} (0: constant rate).
     */
    static Adam adam(double learningRate, double beta1, int constantEpochs, int decayEpochs) {
        if (constantEpochs < 0 || decayEpochs < 0) {
            throw new IllegalArgumentException("constantEpochs and decayEpochs must be >= 0, got " + constantEpochs
                    + " and " + decayEpochs);
        }
        var b = Adam.builder().learningRate(learningRate).beta1(beta1).beta2(0.999).epsilon(1e-8);
        if (decayEpochs > 0) {
            b.learningRateSchedule(new LinearDecaySchedule(learningRate, constantEpochs, decayEpochs));
        }
        return b.build();
    }

    /** Checks NCHW images for {@code translate}: channels and sides that are multiples of {@code multiple}. */
    static void checkImages(String variant, INDArray images, int channels, int multiple) {
        if (images.rank() != 4 || images.size(1) != channels || images.size(2) % multiple != 0
                || images.size(3) % multiple != 0) {
            throw new IllegalArgumentException(variant + " translates NCHW images with " + channels
                    + " channels and sides that are multiples of " + multiple + ", got "
                    + java.util.Arrays.toString(images.shape()));
        }
    }
}
