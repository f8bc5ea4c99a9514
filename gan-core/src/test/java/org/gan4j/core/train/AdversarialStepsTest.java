package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class AdversarialStepsTest {
    private static final AdversarialLoss LOSS = AdversarialLoss.nonSaturating();

    private static Discriminator critic() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.1))
                .weightInit(WeightInit.XAVIER).dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(1).activation(Activation.IDENTITY).build()).build());
        net.init();
        return Discriminator.of(net);
    }

    private static INDArray batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, 5, 4).subi(0.5);
    }

    @Test
    void discriminatorStepJudgesBothBatchesInTheGivenOrderAndUpdatesOnce() {
        for (AdversarialSteps.Order order : AdversarialSteps.Order.values()) {
            Discriminator d = critic();
            INDArray real = batch(1);
            INDArray fake = batch(2);
            double expectedReal = LOSS.discriminator(d.output(real), Target.REAL).value();
            double expectedFake = LOSS.discriminator(d.output(fake), Target.FAKE).value();
            List<Target> seen = new ArrayList<>();
            var losses = AdversarialSteps.discriminatorStep(d, LOSS, real, fake, 0.5, order, (t, out) -> seen.add(t));
            assertEquals(order == AdversarialSteps.Order.REAL_FIRST ? List.of(Target.REAL, Target.FAKE)
                    : List.of(Target.FAKE, Target.REAL), seen);
            assertEquals(expectedReal, losses.real(), 1e-12);
            assertEquals(expectedFake, losses.fake(), 1e-12);
            assertEquals(0.5 * (expectedReal + expectedFake), losses.total(), 1e-12);
            assertEquals(1, d.iteration());
        }
    }

    @Test
    void weightScalesTheUpdate() {
        Discriminator full = critic();
        Discriminator half = critic();
        INDArray start = full.params().dup();
        AdversarialSteps.discriminatorStep(full, LOSS, batch(1), batch(2));
        AdversarialSteps.discriminatorStep(half, LOSS, batch(1), batch(2), 0.5, AdversarialSteps.Order.REAL_FIRST, null);
        INDArray fullStep = full.params().sub(start);
        INDArray halfStep = half.params().sub(start);
        assertTrue(fullStep.amaxNumber().doubleValue() > 1e-6, "D did not move");
        assertEquals(0, fullStep.mul(0.5).sub(halfStep).amaxNumber().doubleValue(), 1e-12); // SGD: linear in the loss
    }

    @Test
    void generatorSignalLeavesTheDiscriminatorUntouched() {
        Discriminator d = critic();
        AdversarialSteps.discriminatorStep(d, LOSS, batch(1), batch(2)); // non-trivial optimizer state
        INDArray params = d.params().dup();
        INDArray state = d.updaterState().dup();
        INDArray fake = batch(3);
        var signal = AdversarialSteps.generatorSignal(d, LOSS, fake);
        assertEquals(params, d.params());
        assertEquals(state, d.updaterState());
        assertEquals(1, d.iteration());
        assertEquals(LOSS.generator(d.output(fake)).value(), signal.loss(), 1e-12);
        assertEquals(List.of(5L, 4L), List.of(signal.inputGradient().size(0), signal.inputGradient().size(1)));
    }

    @Test
    void clippingClampsEveryParameter() {
        Discriminator d = critic();
        d.params().muli(10);
        AdversarialSteps.clipParameters(d, 0.01);
        assertTrue(d.params().amaxNumber().doubleValue() <= 0.01);
        assertEquals(0.01, d.params().amaxNumber().doubleValue(), 1e-15, "large weights end at the bound");
        assertThrows(IllegalArgumentException.class, () -> AdversarialSteps.clipParameters(d, 0));
    }

    @Test
    void aRunNeedsALengthAndMaxIterationsAloneIsNotCutAtOneEpoch() {
        Discriminator d = critic();
        GanVariant v = new GanVariant() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public Map<String, Network> networks() {
                return Map.of("discriminator", d);
            }

            @Override
            public Map<String, Double> trainStep(Batch batch, StepContext context) {
                return Map.of("loss", AdversarialSteps.discriminatorStep(d, LOSS, batch.a(), batch.a().neg()).total());
            }

            @Override
            public Preview preview(long seed) {
                return new Preview(Nd4j.zeros(1, 1, 1, 1), 1);
            }

            @Override
            public Map<String, String> config() {
                return Map.of();
            }
        };
        var data = new InMemoryBatchSource(Nd4j.rand(DataType.DOUBLE, 10, 4), 5); // 2 batches per epoch
        var e = assertThrows(IllegalStateException.class, () -> Trainer.builder(v, data).build());
        assertTrue(e.getMessage().contains("maxIterations"), e.getMessage());
        Trainer t = Trainer.builder(v, data).maxIterations(5).build();
        t.fit();
        assertEquals(5, t.iteration());
        Trainer both = Trainer.builder(v, data).epochs(1).maxIterations(5).build();
        both.fit();
        assertEquals(2, both.iteration(), "one epoch of two batches comes first");
        assertNotEquals(0, d.iteration());
    }
}
