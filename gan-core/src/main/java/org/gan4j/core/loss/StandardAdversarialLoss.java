package org.gan4j.core.loss;

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

    /** mean(softplus(z) - y z); d/dz = (sigmoid(z) - y) / n. */
    private static LossValue binaryCrossEntropy(INDArray z, double y) {
        double[] v = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = new double[v.length];
        double n = v.length;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += softplus(v[i]) - y * v[i];
            g[i] = (sigmoid(v[i]) - y) / n;
        }
        return result(sum / n, g, z);
    }

    /** mean(log(1 - sigmoid(z))) = mean(-softplus(z)); d/dz = -sigmoid(z) / n. */
    private static LossValue logOneMinusSigmoid(INDArray z) {
        double[] v = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = new double[v.length];
        double n = v.length;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum -= softplus(v[i]);
            g[i] = -sigmoid(v[i]) / n;
        }
        return result(sum / n, g, z);
    }

    /** mean((z - y)^2); d/dz = 2 (z - y) / n. */
    private static LossValue squaredError(INDArray z, double y) {
        double[] v = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = new double[v.length];
        double n = v.length;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - y;
            sum += d * d;
            g[i] = 2 * d / n;
        }
        return result(sum / n, g, z);
    }

    /** sign * mean(z); d/dz = sign / n. */
    private static LossValue linear(INDArray z, double sign) {
        double[] v = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = new double[v.length];
        double n = v.length;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            g[i] = sign / n;
        }
        return result(sign * sum / n, g, z);
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

    static LossValue result(double value, double[] gradient, INDArray like) {
        INDArray g = Nd4j.create(gradient, like.shape(), 'c').castTo(like.dataType());
        return new LossValue(value, g);
    }
}
