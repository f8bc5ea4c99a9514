/**
 * DL4J layers that gan4j adds or speeds up. {@link org.gan4j.core.layers.TransposedConvolution2D} is a
 * drop-in replacement for DL4J's {@code Deconvolution2D} (same configuration, parameters and results)
 * that runs on the backend's fast convolution kernels.
 */
package org.gan4j.core.layers;
