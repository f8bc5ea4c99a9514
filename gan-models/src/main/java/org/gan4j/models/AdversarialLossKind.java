package org.gan4j.models;

import org.gan4j.core.loss.AdversarialLoss;

/** The adversarial objectives a variant can be configured with, by name. */
public enum AdversarialLossKind {
    /** {@link AdversarialLoss#nonSaturating()}. */
    NON_SATURATING,
    /** {@link AdversarialLoss#minimax()}. */
    MINIMAX,
    /** {@link AdversarialLoss#leastSquares()}. */
    LEAST_SQUARES,
    /** {@link AdversarialLoss#wasserstein()}. */
    WASSERSTEIN;

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
