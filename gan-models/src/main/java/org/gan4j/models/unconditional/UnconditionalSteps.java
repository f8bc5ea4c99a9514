package org.gan4j.models.unconditional;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training step shared by the noise-to-image GANs (MLP GAN, DCGAN): one D step on real data
 * and a detached fake batch, then one G step through the updated D. G's output and D's input have
 * the same shape.
 */
final class UnconditionalSteps {
    static final String LOSS_D = "loss_D";
    static final String LOSS_G = "loss_G";

    private UnconditionalSteps() {}

    /**
     * @param real real examples in D's input shape
     * @param generatorEvery train G on every n-th iteration (1 = every iteration; WGAN's n_critic)
     */
    static Map<String, Double> step(Generator g, Discriminator d, AdversarialLoss loss, INDArray real,
                                    StepContext ctx, int generatorEvery) {
        long[] zShape = prepend(real.size(0), g.inputShape());
        INDArray fake = g.forward(ctx.gaussian(zShape));

        // D step on real and fake; fake is a plain array here, so nothing flows back into G
        LossValue onReal = loss.discriminator(d.forward(real), Target.REAL);
        d.backward(onReal.gradient());
        LossValue onFake = loss.discriminator(d.forward(fake), Target.FAKE);
        d.backward(onFake.gradient());
        d.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_D, onReal.value() + onFake.value());
        if (ctx.iteration() % generatorEvery == 0) {
            // G step: D's gradient w.r.t. its input is G's output gradient; D itself is not updated
            LossValue gLoss = loss.generator(d.forward(fake));
            g.backward(d.inputGradient(gLoss.gradient()));
            g.applyGradients();
            losses.put(LOSS_G, gLoss.value());
        } else {
            losses.put(LOSS_G, Double.NaN);
        }
        return losses;
    }

    static long[] prepend(long first, long[] rest) {
        long[] s = new long[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }
}
