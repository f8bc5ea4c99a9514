/**
 * DL4J layers that gan4j adds or speeds up, written as plain Java layers (explicit forward and
 * backward passes, no SameDiff, whose custom layers return doubled gradients in M2.1). Each has a
 * no-argument constructor and bean properties, so networks using them round-trip through DL4J's JSON
 * and {@code ModelSerializer}; each is gradient-checked in the tests. All take NCHW input.
 * <ul>
 *   <li>{@link org.gan4j.core.layers.TransposedConvolution2D}: a drop-in replacement for DL4J's
 *       {@code Deconvolution2D} (same configuration, parameters and results) on fast convolution kernels;</li>
 *   <li>{@link org.gan4j.core.layers.Convolution2D}: a drop-in replacement for DL4J's {@code ConvolutionLayer}
 *       whose backward pass reuses the forward pass's pre-activation (DL4J recomputes the convolution);</li>
 *   <li>{@link org.gan4j.core.layers.BatchNorm}: a drop-in replacement for DL4J's {@code BatchNormalization}
 *       with fast training passes for dense (rank-2) input;</li>
 *   <li>{@link org.gan4j.core.layers.LeakyReLU} (an activation) and {@link org.gan4j.core.layers.InvertedDropout}
 *       (a dropout): drop-in replacements for DL4J's {@code ActivationLReLU} and {@code Dropout} with the same
 *       results (dropout: the same distribution) on kernels 10-30 times faster;</li>
 *   <li>{@link org.gan4j.core.layers.InstanceNormalization} and
 *       {@link org.gan4j.core.layers.ReflectionPadding2D}, which DL4J 1.0.0-M2.1 lacks;</li>
 *   <li>{@link org.gan4j.core.layers.PixelShuffle}: depth-to-space (Shi et al. 2016) in PyTorch's channel order;</li>
 *   <li>{@link org.gan4j.core.layers.ChannelPReLU}: PReLU with per-channel or shared slope for any input size
 *       (DL4J's PReLULayer needs a fixed shape and crashes with per-channel slopes);</li>
 *   <li>{@link org.gan4j.core.layers.BicubicUpsampling}: fixed MATLAB-style bicubic upsampling;</li>
 *   <li>{@link org.gan4j.core.layers.GlorotUniform}: Glorot-uniform weights with Keras'/PyTorch's convolution
 *       fans (DL4J divides a strided convolution's fan-out by the stride);</li>
 *   <li>{@link org.gan4j.core.layers.InputGradientTap}: an identity layer that keeps the gradient flowing
 *       through it, to read a {@code ComputationGraph}'s input gradient (generators, perceptual loss).</li>
 * </ul>
 */
package org.gan4j.core.layers;
