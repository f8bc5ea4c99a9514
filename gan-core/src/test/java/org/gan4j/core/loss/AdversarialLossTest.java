package org.gan4j.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Values and gradients against numbers worked out by hand for logits z = (0, 2). */
class AdversarialLossTest {
    private static final INDArray Z = Nd4j.create(new double[] {0.0, 2.0}, new long[] {2, 1}, DataType.DOUBLE);
    // sigmoid(0) = 0.5, sigmoid(2) = 0.8807970779778823; softplus(0) = ln 2, softplus(2) = 2.1269280110429727
    private static final double LN2 = Math.log(2);
    private static final double SP2 = 2.1269280110429727;
    private static final double S2 = 0.8807970779778823;

    private static double[] grad(LossValue v) {
        return v.gradient().data().asDouble();
    }

    @Test
    void binaryCrossEntropyForTheDiscriminator() {
        LossValue real = AdversarialLoss.nonSaturating().discriminator(Z, Target.REAL);
        // -log sigmoid(z) = softplus(-z): (ln2 + softplus(-2)) / 2, softplus(-2) = SP2 - 2
        assertEquals((LN2 + SP2 - 2) / 2, real.value(), 1e-12);
        assertArrayEquals(new double[] {(0.5 - 1) / 2, (S2 - 1) / 2}, grad(real), 1e-12);
        LossValue fake = AdversarialLoss.nonSaturating().discriminator(Z, Target.FAKE);
        assertEquals((LN2 + SP2) / 2, fake.value(), 1e-12);
        assertArrayEquals(new double[] {0.5 / 2, S2 / 2}, grad(fake), 1e-12);
    }

    @Test
    void generatorLossesDifferBetweenMinimaxAndNonSaturating() {
        LossValue ns = AdversarialLoss.nonSaturating().generator(Z);
        assertEquals((LN2 + SP2 - 2) / 2, ns.value(), 1e-12);
        LossValue mm = AdversarialLoss.minimax().generator(Z);
        // log(1 - sigmoid(z)) = -softplus(z)
        assertEquals(-(LN2 + SP2) / 2, mm.value(), 1e-12);
        assertArrayEquals(new double[] {-0.5 / 2, -S2 / 2}, grad(mm), 1e-12);
    }

    @Test
    void leastSquaresAndWasserstein() {
        LossValue ls = AdversarialLoss.leastSquares().discriminator(Z, Target.REAL);
        assertEquals((1 + 1) / 2.0, ls.value(), 1e-12); // (0-1)^2, (2-1)^2
        assertArrayEquals(new double[] {-1.0, 1.0}, grad(ls), 1e-12); // 2(z-1)/2
        assertEquals(2.0, AdversarialLoss.leastSquares().discriminator(Z, Target.FAKE).value(), 1e-12);
        LossValue wReal = AdversarialLoss.wasserstein().discriminator(Z, Target.REAL);
        assertEquals(-1.0, wReal.value(), 1e-12);
        assertArrayEquals(new double[] {-0.5, -0.5}, grad(wReal), 1e-12);
        assertEquals(1.0, AdversarialLoss.wasserstein().discriminator(Z, Target.FAKE).value(), 1e-12);
        assertEquals(-1.0, AdversarialLoss.wasserstein().generator(Z).value(), 1e-12);
    }

    @Test
    void labelSmoothingChangesOnlyTheRealTarget() {
        AdversarialLoss smooth = AdversarialLoss.nonSaturating().withRealLabel(0.9);
        assertArrayEquals(new double[] {(0.5 - 0.9) / 2, (S2 - 0.9) / 2},
                grad(smooth.discriminator(Z, Target.REAL)), 1e-12);
        assertEquals(AdversarialLoss.nonSaturating().discriminator(Z, Target.FAKE).value(),
                smooth.discriminator(Z, Target.FAKE).value(), 0);
        assertEquals(AdversarialLoss.nonSaturating().generator(Z).value(), smooth.generator(Z).value(), 0);
        assertThrows(UnsupportedOperationException.class, () -> AdversarialLoss.wasserstein().withRealLabel(0.9));
        assertThrows(IllegalArgumentException.class, () -> AdversarialLoss.leastSquares().withRealLabel(1.5));
    }

    @Test
    void stableForLargeLogits() {
        INDArray big = Nd4j.create(new double[] {-800, 800}, new long[] {2, 1}, DataType.DOUBLE);
        LossValue v = AdversarialLoss.nonSaturating().discriminator(big, Target.REAL);
        assertEquals(400.0, v.value(), 1e-9);
        assertArrayEquals(new double[] {-0.5, 0.0}, grad(v), 1e-12);
    }

    /** Every loss's gradient agrees with central differences of its value. */
    @Test
    void gradientsMatchFiniteDifferences() {
        INDArray z = Nd4j.create(new double[] {-1.3, 0.2, 0.7, 2.5, -0.4, 1.1}, new long[] {2, 1, 1, 3}, DataType.DOUBLE);
        for (AdversarialLoss loss : new AdversarialLoss[] {AdversarialLoss.minimax(), AdversarialLoss.nonSaturating(),
            AdversarialLoss.leastSquares(), AdversarialLoss.wasserstein(), AdversarialLoss.nonSaturating().withRealLabel(0.9)}) {
            check(zz -> loss.discriminator(zz, Target.REAL), z);
            check(zz -> loss.discriminator(zz, Target.FAKE), z);
            check(loss::generator, z);
        }
        INDArray target = Nd4j.create(new double[] {-1, 0.25, 0.5, 2, 0, 1}, new long[] {2, 1, 1, 3}, DataType.DOUBLE);
        check(p -> ReconstructionLoss.L1.compute(p, target), z);
        check(p -> ReconstructionLoss.L2.compute(p, target), z);
    }

    @Test
    void reconstructionValues() {
        INDArray p = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray t = Nd4j.create(new double[] {1, 0, 4, 4}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        assertEquals(3.0 / 4, ReconstructionLoss.L1.compute(p, t).value(), 1e-12);
        assertEquals(5.0 / 4, ReconstructionLoss.L2.compute(p, t).value(), 1e-12);
        assertArrayEquals(new double[] {0, 0.25, -0.25, 0}, grad(ReconstructionLoss.L1.compute(p, t)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ReconstructionLoss.L1.compute(p, t.reshape(4)));
    }

    private static void check(Function<INDArray, LossValue> f, INDArray z) {
        double[] analytic = grad(f.apply(z));
        double eps = 1e-6;
        for (int i = 0; i < z.length(); i++) {
            INDArray plus = z.dup();
            plus.putScalar(i, z.getDouble(i) + eps);
            INDArray minus = z.dup();
            minus.putScalar(i, z.getDouble(i) - eps);
            double numeric = (f.apply(plus).value() - f.apply(minus).value()) / (2 * eps);
            assertEquals(numeric, analytic[i], 1e-7, "element " + i);
        }
    }
}
