/**
 * DL4J layers that Deeplearning4j 1.0.0-M2.1 lacks, written as plain (non-SameDiff) layers so that their
 * gradients are exact (DL4J's SameDiff layers return gradients multiplied by 2 in this version). Each has a
 * no-argument constructor and bean properties, so networks using them save and load with
 * {@code ModelSerializer}; each is gradient-checked in the tests.
 *
 * <ul>
 *   <li>{@link org.gan4j.core.layers.PixelShuffle}: depth-to-space ("sub-pixel convolution", Shi et al. 2016)
 *       in PyTorch's {@code nn.PixelShuffle} channel order.</li>
 *   <li>{@link org.gan4j.core.layers.ChannelPReLU}: PReLU with per-channel (or one shared) slope for NCHW input of
 *       any size (DL4J's PReLULayer needs a fixed shape and crashes with per-channel slopes).</li>
 *   <li>{@link org.gan4j.core.layers.BicubicUpsampling}: fixed MATLAB-style bicubic upsampling (a global
 *       residual connection for super-resolution).</li>
 *   <li>{@link org.gan4j.core.layers.GradientTap}: an identity layer that keeps the gradient flowing through it,
 *       the way to read a ComputationGraph's input gradient (used by {@code loss.PerceptualLoss}).</li>
 * </ul>
 */
package org.gan4j.core.layers;
