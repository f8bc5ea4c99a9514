package org.gan4j.models;

import org.gan4j.core.loss.AdversarialLoss;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/** The adversarial objectives a variant can be configured with, by name. */
public enum AdversarialLossKind {
    /** {@link AdversarialLoss#nonSaturating()}. */
    NON_SATURATING,
    /** {@link AdversarialLoss#minimax()}. */
    MINIMAX,
    /** {@link AdversarialLoss#leastSquares()}. */
    LEAST_SQUARES,
    /**
     * {@link AdversarialLoss#wasserstein()}, trained as the original WGAN (Arjovsky et al. 2017,
     * algorithm 1): critic parameters clipped to [-0.01, 0.01] after every critic update, G trained on every
     * 5th iteration (n_critic; an explicit {@code generatorEvery} above 1 replaces it), RMSProp with
     * learning rate 5e-5 for both networks (the Adam settings do not apply). WGAN-GP is not offered: its
     * gradient penalty needs the gradient of an input gradient, which DL4J 1.0.0-M2.1's layers cannot give
     * (they implement first-order backward passes only).
     */
    WASSERSTEIN;

    /** Critic weight clipping of the original WGAN. */
    public static final double WGAN_CLIP = 0.01;
    /** Critic updates per G update of the original WGAN. */
    public static final int WGAN_CRITIC_ITERATIONS = 5;
    /** RMSProp learning rate of the original WGAN. */
    public static final double WGAN_LEARNING_RATE = 5e-5;

    /** How far critic parameters are clipped after each critic update (0: not at all). */
    public double criticClip() {
        return this == WASSERSTEIN ? WGAN_CLIP : 0;
    }

    /** Train G every n-th iteration: {@code configured}, or n_critic = 5 for WGAN when configured is 1. */
    public int generatorEvery(int configured) {
        return this == WASSERSTEIN && configured == 1 ? WGAN_CRITIC_ITERATIONS : configured;
    }

    /**
     * The optimizer for both networks: {@code configured}, or for WGAN RMSProp (lr 5e-5, decay 0.99 and
     * epsilon 1e-8 as PyTorch's RMSprop defaults the reference code ran with).
     */
    public IUpdater updater(IUpdater configured) {
        return this == WASSERSTEIN ? new RmsProp(WGAN_LEARNING_RATE, 0.99, 1e-8) : configured;
    }

    /** The loss, with one-sided label smoothing when {@code realLabel < 1}. */
    public AdversarialLoss create(double realLabel) {
        AdversarialLoss loss = switch (this) {
            case NON_SATURATING -> AdversarialLoss.nonSaturating();
            case MINIMAX -> AdversarialLoss.minimax();
            case LEAST_SQUARES -> AdversarialLoss.leastSquares();
            case WASSERSTEIN -> AdversarialLoss.wasserstein();
        };
        return realLabel < 1.0 ? loss.withRealLabel(realLabel) : loss;
    }
}
