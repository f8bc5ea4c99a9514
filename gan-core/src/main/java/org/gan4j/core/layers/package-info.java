/**
 * DL4J layers that Deeplearning4j 1.0.0-M2.1 lacks and image-to-image GANs need, written as plain Java
 * layers (explicit forward and backward passes, no SameDiff, whose custom layers return doubled
 * gradients in M2.1): {@link org.gan4j.core.layers.InstanceNormalization},
 * {@link org.gan4j.core.layers.ReflectionPadding2D} and {@link org.gan4j.core.layers.InputGradientTap}
 * (keeps a {@code ComputationGraph}'s gradient w.r.t. its input).
 *
 * <p>Each configuration class has a no-argument constructor and bean accessors, so networks using it
 * round-trip through DL4J's JSON and {@code ModelSerializer}. All layers take NCHW input.
 */
package org.gan4j.core.layers;
