/**
 * DL4J layers that gan4j adds or speeds up, written as plain Java layers (explicit forward and
 * backward passes, no SameDiff, whose custom layers return doubled gradients in M2.1):
 * <ul>
 *   <li>{@link org.gan4j.core.layers.TransposedConvolution2D}: a drop-in replacement for DL4J's
 *       {@code Deconvolution2D} (same configuration, parameters and results) that runs on the backend's
 *       fast convolution kernels;</li>
 *   <li>{@link org.gan4j.core.layers.InstanceNormalization} and
 *       {@link org.gan4j.core.layers.ReflectionPadding2D}, which DL4J 1.0.0-M2.1 lacks;</li>
 *   <li>{@link org.gan4j.core.layers.InputGradientTap}, which keeps a {@code ComputationGraph}'s
 *       gradient w.r.t. its input.</li>
 * </ul>
 * Each configuration class has a no-argument constructor and bean accessors, so networks using it
 * round-trip through DL4J's JSON and {@code ModelSerializer}. All layers take NCHW input.
 */
package org.gan4j.core.layers;
