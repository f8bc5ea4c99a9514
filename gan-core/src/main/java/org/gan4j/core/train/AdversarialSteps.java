package org.gan4j.core.train;

import java.util.Objects;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The standard adversarial updates every gan4j variant is made of: the discriminator step (D on a real
 * and a generated batch, one optimizer update) and the generator's adversarial gradient through an
 * untouched D. A variant adds its own terms (L1, cycle, content) to the gradient this class gives.
 *
 * <p>The D step is the only one in gan4j: pix2pix, CycleGAN, DiscoGAN, SRGAN, GAN and DCGAN all call
 * {@link #discriminatorStep}. The generated batch is a plain array, so nothing flows back into G.
 */
public final class AdversarialSteps {

    private AdversarialSteps() {}

    /**
     * Which batch D sees first. It matters beyond rounding: batch-norm running statistics and dropout
     * masks follow the order of the forward passes. Paper code differs (pix2pix/CycleGAN's reference
     * code judges the fake batch first in pix2pix, the real batch first in CycleGAN).
     */
    public enum Order { REAL_FIRST, FAKE_FIRST }

    /** Sees D's raw output after each forward pass of a D step, before its backward pass. */
    @FunctionalInterface
    public interface Observer {
        /** {@code output} is D's live output; D's other live arrays (e.g. features) are valid until the next forward. */
        void seen(Target target, INDArray output);
    }

    /**
     * The losses of one D step.
     *
     * @param real D's loss on the real batch (unweighted)
     * @param fake D's loss on the generated batch (unweighted)
     * @param weight the factor both terms had in the update (0.5 in pix2pix/CycleGAN)
     */
    public record DiscriminatorLosses(double real, double fake, double weight) {
        /** {@code weight * (real + fake)}: the loss D minimised. */
        public double total() {
            return weight * (real + fake);
        }
    }

    /**
     * D's loss on what G produced and the gradient w.r.t. D's input that trains G.
     *
     * @param loss G's adversarial loss
     * @param inputGradient d(loss)/d(D's input), same shape as that input
     */
    public record GeneratorSignal(double loss, INDArray inputGradient) {}

    /** {@link #discriminatorStep(Discriminator, AdversarialLoss, INDArray, INDArray, double, Order, Observer)} with weight 1, real first. */
    public static DiscriminatorLosses discriminatorStep(Discriminator d, AdversarialLoss loss, INDArray real, INDArray fake) {
        return discriminatorStep(d, loss, real, fake, 1.0, Order.REAL_FIRST, null);
    }

    /**
     * One D update: {@code weight * (loss(D(real), REAL) + loss(D(fake), FAKE))}, one forward and one
     * backward pass per batch in the given order, then D's optimizer step. G is not touched.
     *
     * @param real real examples in D's input shape
     * @param fake generated examples in D's input shape (a plain array: nothing reaches G)
     * @param observer called after each forward pass (may be null)
     */
    public static DiscriminatorLosses discriminatorStep(Discriminator d, AdversarialLoss loss, INDArray real, INDArray fake,
                                                        double weight, Order order, Observer observer) {
        Objects.requireNonNull(order, "order");
        LossValue first = judge(d, loss, order == Order.REAL_FIRST ? real : fake,
                order == Order.REAL_FIRST ? Target.REAL : Target.FAKE, weight, observer);
        LossValue second = judge(d, loss, order == Order.REAL_FIRST ? fake : real,
                order == Order.REAL_FIRST ? Target.FAKE : Target.REAL, weight, observer);
        d.applyGradients();
        return order == Order.REAL_FIRST ? new DiscriminatorLosses(first.value(), second.value(), weight)
                : new DiscriminatorLosses(second.value(), first.value(), weight);
    }

    private static LossValue judge(Discriminator d, AdversarialLoss loss, INDArray batch, Target target, double weight,
                                   Observer observer) {
        INDArray out = d.forward(batch);
        if (observer != null) {
            observer.seen(target, out);
        }
        LossValue l = loss.discriminator(out, target);
        d.backward(weight == 1.0 ? l.gradient() : l.gradient().muli(weight));
        return l;
    }

    /**
     * G's adversarial loss on D's output for {@code fake} and its gradient w.r.t. D's input (D's
     * parameters, optimizer state and counters untouched). For a D whose input is exactly G's output,
     * that gradient is G's output gradient; otherwise slice it (pix2pix) or add other terms to it.
     */
    public static GeneratorSignal generatorSignal(Discriminator d, AdversarialLoss loss, INDArray fake) {
        LossValue l = loss.generator(d.forward(fake));
        return new GeneratorSignal(l.value(), d.inputGradient(l.gradient()));
    }

    /**
     * The plain G step: {@link #generatorSignal} as G's output gradient, G's backward pass and optimizer
     * step. G must have run the forward pass that produced {@code fake}.
     *
     * @return G's adversarial loss
     */
    public static double generatorStep(Generator g, Discriminator d, AdversarialLoss loss, INDArray fake) {
        GeneratorSignal s = generatorSignal(d, loss, fake);
        g.backward(s.inputGradient());
        g.applyGradients();
        return s.loss();
    }

    /**
     * Clamps every parameter of {@code critic} to [-c, c] in place: the Lipschitz constraint of the original
     * WGAN (Arjovsky et al. 2017, algorithm 1, c = 0.01), applied after each critic update. Optimizer state
     * is left as it is, as in the reference code.
     */
    public static void clipParameters(Network critic, double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("clip value must be positive, got " + c);
        }
        INDArray p = critic.params();
        Transforms.min(p, c, false);
        Transforms.max(p, -c, false);
    }
}
