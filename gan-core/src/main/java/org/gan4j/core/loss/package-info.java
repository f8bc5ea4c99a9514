/**
 * Losses: the {@link org.gan4j.core.loss.AdversarialLoss} family (minimax, non-saturating, least
 * squares, Wasserstein) on raw discriminator outputs with {@link org.gan4j.core.loss.Target}s, and
 * {@link org.gan4j.core.loss.ReconstructionLoss} L1 / L2. Every loss returns its value and gradient.
 */
package org.gan4j.core.loss;
