package org.gan4j.core.loss;

import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The four standard objectives. Computed element-wise in double precision on the host: the
 * discriminator's output is small (a score per example or per patch), and the numerically stable
 * forms (softplus via log1p) are easiest to get right here.
 */
record StandardAdversarialLoss(Kind kind, double realLabel) implements AdversarialLoss {

    enum Kind { MINIMAX, NON_SATURATING, LEAST_SQUARES, WASSERSTEIN }

    StandardAdversarialLoss {
        if (!(realLabel > 0.0 && realLabel <= 1.0)) {
            throw new IllegalArgumentException("realLabel must be in (0, 1], got " + realLabel);
        }
    }

    @Override
    public AdversarialLoss withRealLabel(double label) {
        if (kind == Kind.WASSERSTEIN) {
            throw new UnsupportedOperationException("the Wasserstein loss has no labels to smooth");
        }
        return new StandardAdversarialLoss(kind, label);
    }

    @Override
    public LossValue discriminator(INDArray output, Target target) {
        double y = target == Target.REAL ? realLabel : target.label();
        return switch (kind) {
            case MINIMAX, NON_SATURATING -> binaryCrossEntropy(output, y);
            case LEAST_SQUARES -> squaredError(output, y);
            case WASSERSTEIN -> linear(output, target == Target.REAL ? -1.0 : 1.0);
        };
    }

    @Override
    public LossValue generator(INDArray outputOnFake) {
        return switch (kind) {
            case MINIMAX -> logOneMinusSigmoid(outputOnFake);
            case NON_SATURATING -> binaryCrossEntropy(outputOnFake, Target.REAL.label());
            case LEAST_SQUARES -> squaredError(outputOnFake, Target.REAL.label());
            case WASSERSTEIN -> linear(outputOnFake, -1.0);
        };
    }

    /** mean(term(z)) and its gradient derivative(z) / n, in double precision. */
    private static LossValue mean(INDArray z, DoubleUnaryOperator term, DoubleUnaryOperator derivative) {
        double[] v = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = new double[v.length];
        double n = v.length;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += term.applyAsDouble(v[i]);
            g[i] = derivative.applyAsDouble(v[i]) / n;
        }
        return new LossValue(sum / n, Nd4j.create(g, z.shape(), 'c').castTo(z.dataType()));
    }

    /** softplus(z) - y z: cross-entropy of sigmoid(z) against label y; derivative sigmoid(z) - y. */
    private static LossValue binaryCrossEntropy(INDArray z, double y) {
        return mean(z, x -> softplus(x) - y * x, x -> sigmoid(x) - y);
    }

    /** log(1 - sigmoid(z)) = -softplus(z); derivative -sigmoid(z). */
    private static LossValue logOneMinusSigmoid(INDArray z) {
        return mean(z, x -> -softplus(x), x -> -sigmoid(x));
    }

    /** (z - y)^2; derivative 2 (z - y). */
    private static LossValue squaredError(INDArray z, double y) {
        return mean(z, x -> (x - y) * (x - y), x -> 2 * (x - y));
    }

    /** sign * z; derivative sign. */
    private static LossValue linear(INDArray z, double sign) {
        return mean(z, x -> sign * x, x -> sign);
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
