package org.gan4j.core.layers;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Leaky ReLU {@code f(x) = x >= 0 ? x : alpha * x}: a drop-in replacement for DL4J's
 * {@link ActivationLReLU} with the same results (forward bit for bit; backward to one float rounding, as
 * DL4J's kernel rounds {@code alpha * eps} differently; derivative 1 at {@code x = 0} as in DL4J)
 * computed with fast element-wise kernels.
 *
 * <p>ND4J 1.0.0-M2.1's own {@code lrelu} / {@code lrelu_bp} kernels are about 10-30 times slower than
 * its simple scalar and pairwise ops (measured on one thread, 802,816 floats: 5.2 ms forward and
 * 8.3 ms backward, against 0.1-0.25 ms per scalar or pairwise pass). For {@code 0 <= alpha <= 1} this
 * class computes the forward pass as {@code max(x, alpha * x)} (two passes) and the backward pass as
 * {@code eps * max(1 - step(-x), alpha)} (five passes); other slopes fall back to DL4J's kernels.
 * Use it wherever {@code new ActivationLReLU(alpha)} would go (layer activation or
 * {@code ActivationLayer}); it round-trips through DL4J's JSON.
 */
public final class LeakyReLU extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    private double alpha;

    /** Slope 0.01, as DL4J's default. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * @param alpha slope for negative inputs (finite)
     * @throws IllegalArgumentException if alpha is NaN or infinite
     */
    public LeakyReLU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** @return the slope for negative inputs */
    public double getAlpha() {
        return alpha;
    }

    private boolean fast() {
        return alpha >= 0 && alpha <= 1;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        if (!fast()) {
            return new ActivationLReLU(alpha).getActivation(in, training);
        }
        INDArray scaled = Nd4j.createUninitialized(in.dataType(), in.shape(), in.ordering());
        Nd4j.exec(new ScalarMultiplication(in, null, scaled, alpha));
        Nd4j.exec(new Max(in, scaled, in));
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        if (!fast()) {
            return new ActivationLReLU(alpha).backprop(in, epsilon);
        }
        // in <- -x; step: 1 where x < 0; 1 - that: 1 where x >= 0; max with alpha: the derivative; times eps
        Nd4j.exec(new ScalarMultiplication(in, null, in, -1.0));
        Nd4j.exec(new Step(in, in, 0.0));
        Nd4j.exec(new ScalarReverseSubtraction(in, null, in, 1.0));
        Nd4j.exec(new ScalarMax(in, null, in, alpha));
        in.muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyReLU l && Double.compare(l.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "leakyrelu(a=" + alpha + ")";
    }
}
