package org.gan4j.models.unconditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.Batch;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.AdversarialLossKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

/** loss=wasserstein trains the original WGAN: clipped critic, n_critic = 5, RMSProp 5e-5. */
class WassersteinTest {

    private static Batch batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new Batch(Nd4j.rand(DataType.FLOAT, 8, 1, 4, 4).muli(2).subi(1), null);
    }

    @Test
    void criticIsClippedAndGeneratorTrainsEveryFifthIteration() {
        Gan v = Gan.builder().imageShape(1, 4, 4).loss(AdversarialLossKind.WASSERSTEIN).build(3);
        var dNet = (MultiLayerNetwork) v.discriminator().model();
        var gNet = (MultiLayerNetwork) v.generator().model();
        RmsProp rms = assertInstanceOf(RmsProp.class, dNet.getLayer(0).conf().getLayer().getUpdaterByParam("W"));
        assertEquals(AdversarialLossKind.WGAN_LEARNING_RATE, rms.getLearningRate(), 0);
        assertInstanceOf(RmsProp.class, gNet.getLayer(0).conf().getLayer().getUpdaterByParam("W"));
        assertTrue(dNet.params().amaxNumber().doubleValue() > 0.01, "initial critic weights exceed the clip value");

        for (int it = 0; it < 6; it++) {
            INDArray g = gNet.params().dup();
            Map<String, Double> losses = v.trainStep(batch(it), new StepContext(1, it, 0));
            assertTrue(dNet.params().amaxNumber().doubleValue() <= AdversarialLossKind.WGAN_CLIP, "critic not clipped");
            if (it % 5 == 0) {
                assertNotEquals(g, gNet.params(), "G step expected at iteration " + it);
                assertTrue(Double.isFinite(losses.get(NoiseToImageGan.LOSS_G)));
            } else {
                assertEquals(g, gNet.params(), "no G step expected at iteration " + it);
                assertTrue(Double.isNaN(losses.get(NoiseToImageGan.LOSS_G)));
            }
        }
        assertEquals(6, v.discriminator().iteration());
        assertEquals(2, v.generator().iteration());
    }

    @Test
    void otherLossesKeepAdamAndNoClipping() {
        Gan v = Gan.builder().imageShape(1, 4, 4).build(3);
        var dNet = (MultiLayerNetwork) v.discriminator().model();
        assertInstanceOf(Adam.class, dNet.getLayer(0).conf().getLayer().getUpdaterByParam("W"));
        v.trainStep(batch(0), new StepContext(1, 0, 0));
        v.trainStep(batch(1), new StepContext(1, 1, 0));
        assertEquals(2, v.generator().iteration());
        assertEquals(0, AdversarialLossKind.NON_SATURATING.criticClip());
        assertEquals(3, AdversarialLossKind.WASSERSTEIN.generatorEvery(3), "an explicit n_critic is kept");
    }
}
