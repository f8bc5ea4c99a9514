package org.gan4j.core.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Pixel-wise losses between a prediction and its target (pix2pix's L1, CycleGAN's cycle and identity terms, SRResNet's MSE). */
public enum ReconstructionLoss {
    /** Mean absolute error; gradient sign(p - t) / n (0 where equal). */
    L1 {
        @Override
        public LossValue compute(INDArray prediction, INDArray target) {
            INDArray diff = check(prediction, target).sub(target);
            double n = diff.length();
            double value = diff.norm1Number().doubleValue() / n;
            return new LossValue(value, Transforms.sign(diff, false).divi(n));
        }
    },
    /** Mean squared error; gradient 2 (p - t) / n. */
    L2 {
        @Override
        public LossValue compute(INDArray prediction, INDArray target) {
            INDArray diff = check(prediction, target).sub(target);
            double n = diff.length();
            double value = diff.norm2Number().doubleValue();
            value = value * value / n;
            return new LossValue(value, diff.muli(2.0 / n));
        }
    };

    /** The mean loss over every element and its gradient w.r.t. {@code prediction}. */
    public abstract LossValue compute(INDArray prediction, INDArray target);

    static INDArray check(INDArray prediction, INDArray target) {
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("prediction shape " + java.util.Arrays.toString(prediction.shape())
                    + " differs from target shape " + java.util.Arrays.toString(target.shape()));
        }
        return prediction;
    }
}
