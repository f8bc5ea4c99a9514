package org.gan4j.models.unconditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainingMechanicsTest {
    private static final int BATCH = 4;

    private final MultiLayerNetwork gNet = TinyNets.mlp(1, 3, 5, 2, Activation.TANH);
    private final MultiLayerNetwork dNet = TinyNets.mlp(2, 2, 5, 1, Activation.IDENTITY);
    private final Generator g = Generator.of(gNet, 3);
    private final Discriminator d = Discriminator.of(dNet);
    private final AdversarialLoss loss = AdversarialLoss.nonSaturating();
    private final INDArray z = Nd4j.rand(DataType.DOUBLE, BATCH, 3).subi(0.5);
    private final INDArray real = Nd4j.rand(DataType.DOUBLE, BATCH, 2).subi(0.5);

    private void dStep(INDArray fake) {
        d.backward(loss.discriminator(d.forward(real), Target.REAL).gradient());
        d.backward(loss.discriminator(d.forward(fake), Target.FAKE).gradient());
        d.applyGradients();
    }

    private void gStep(INDArray fake) {
        LossValue l = loss.generator(d.forward(fake));
        g.backward(d.inputGradient(l.gradient()));
        g.applyGradients();
    }

    @Test
    void generatorStepLeavesDiscriminatorUntouchedAndChangesGenerator() {
        INDArray fake = g.forward(z);
        dStep(fake);
        INDArray dParams = dNet.params().dup();
        INDArray dState = d.updaterState().dup();
        int dIteration = d.iteration();
        INDArray gParams = gNet.params().dup();

        gStep(fake);

        assertEquals(dParams, dNet.params(), "D parameters changed in the G step");
        assertEquals(dState, d.updaterState(), "D optimizer state changed in the G step");
        assertEquals(dIteration, d.iteration());
        assertNotEquals(gParams, gNet.params(), "G did not change in the G step");
        assertEquals(1, g.iteration());
    }

    @Test
    void discriminatorStepLeavesGeneratorUntouched() {
        INDArray fake = g.forward(z);
        INDArray gParams = gNet.params().dup();
        INDArray dParams = dNet.params().dup();
        dStep(fake);
        assertEquals(gParams, gNet.params());
        assertNotEquals(dParams, dNet.params());
        assertEquals(0, g.iteration());
        assertEquals(1, d.iteration());
    }

    /** The G gradient obtained through D's input gradient matches finite differences of L_G(theta_G). */
    @Test
    void generatorGradientMatchesFiniteDifferences() {
        g.forward(z);
        INDArray fake = g.forward(z);
        LossValue l = loss.generator(d.forward(fake));
        g.backward(d.inputGradient(l.gradient()));
        // DL4J keeps summed-loss gradients (its updater divides by the batch size)
        INDArray analytic = gNet.getGradientsViewArray().div(BATCH);
        INDArray params = gNet.params();
        double eps = 1e-6;
        for (int i = 0; i < params.length(); i++) {
            double orig = params.getDouble(i);
            params.putScalar(i, orig + eps);
            double plus = generatorLoss();
            params.putScalar(i, orig - eps);
            double minus = generatorLoss();
            params.putScalar(i, orig);
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic.getDouble(i), 1e-7 + 1e-5 * Math.abs(numeric), "parameter " + i);
        }
    }

    private double generatorLoss() {
        return loss.generator(dNet.output(gNet.output(z, true), true)).value();
    }

    @Test
    void realAndFakeGradientsAccumulate() {
        INDArray fake = g.forward(z).dup();
        d.forward(real);
        d.backward(loss.discriminator(d.forward(real), Target.REAL).gradient());
        INDArray realGrad = dNet.getGradientsViewArray().dup();
        d.backward(loss.discriminator(d.forward(fake), Target.FAKE).gradient());
        INDArray fakeGrad = dNet.getGradientsViewArray().dup();
        // the same two passes on a fresh copy, summed by hand, then one Adam step must agree
        MultiLayerNetwork copy = dNet.clone();
        Discriminator d2 = Discriminator.of(copy);
        d.applyGradients();
        copy.getGradientsViewArray().assign(realGrad.add(fakeGrad));
        copy.getUpdater().update(copy, new org.deeplearning4j.nn.gradient.DefaultGradient(copy.getGradientsViewArray()), 0, 0, BATCH,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        copy.params().subi(copy.getGradientsViewArray().reshape(copy.params().shape()));
        assertEquals(copy.params(), dNet.params());
        assertEquals(1, d.iteration());
        assertEquals(0, d2.iteration());
    }

    @Test
    void inputGradientRefusesToOverwritePendingGradients() {
        INDArray fake = g.forward(z);
        d.backward(loss.discriminator(d.forward(fake), Target.FAKE).gradient());
        assertThrows(IllegalStateException.class, () -> d.inputGradient(loss.generator(d.forward(fake)).gradient()));
    }

    @Test
    void applyWithoutBackwardIsAnError() {
        assertThrows(IllegalStateException.class, d::applyGradients);
    }
}
