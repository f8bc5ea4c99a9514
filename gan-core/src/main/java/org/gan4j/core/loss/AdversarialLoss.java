package org.gan4j.core.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GAN objective on a discriminator's raw outputs (logits or critic scores, any shape: one per
 * example or one per patch). All values are means over every output element; gradients are
 * w.r.t. those outputs.
 */
public interface AdversarialLoss {

    /** The discriminator's loss for outputs on a batch that should be judged {@code target}. */
    LossValue discriminator(INDArray output, Target target);

    /** The generator's loss for the discriminator's outputs on generated data. */
    LossValue generator(INDArray outputOnFake);

    /**
     * The same loss with one-sided label smoothing: the discriminator's REAL label becomes
     * {@code realLabel} (e.g. 0.9, Salimans et al. 2016). Only for the probability-based losses.
     *
     * @throws UnsupportedOperationException for the Wasserstein loss, which has no labels
     */
    AdversarialLoss withRealLabel(double realLabel);

    /**
     * Goodfellow et al. 2014, as in the proof: D minimises binary cross-entropy, G minimises
     * log(1 - D(G(z))). Saturates early in training; mostly for comparison.
     */
    static AdversarialLoss minimax() {
        return new StandardAdversarialLoss(StandardAdversarialLoss.Kind.MINIMAX, 1.0);
    }

    /** The practical form of the original GAN: D as {@link #minimax()}, G minimises -log D(G(z)). */
    static AdversarialLoss nonSaturating() {
        return new StandardAdversarialLoss(StandardAdversarialLoss.Kind.NON_SATURATING, 1.0);
    }

    /**
     * Least squares GAN (Mao et al. 2017) as used by CycleGAN: mean squared error of the raw output
     * against the label (1 real, 0 fake); G's target is 1.
     */
    static AdversarialLoss leastSquares() {
        return new StandardAdversarialLoss(StandardAdversarialLoss.Kind.LEAST_SQUARES, 1.0);
    }

    /**
     * Wasserstein critic loss (Arjovsky et al. 2017): the critic maximises mean(real) - mean(fake),
     * G maximises mean(fake). The Lipschitz constraint (clipping or penalty) is the variant's job.
     */
    static AdversarialLoss wasserstein() {
        return new StandardAdversarialLoss(StandardAdversarialLoss.Kind.WASSERSTEIN, 1.0);
    }
}
