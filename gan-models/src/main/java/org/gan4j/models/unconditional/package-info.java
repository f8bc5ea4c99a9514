/**
 * Noise-to-image variants trained on MNIST: {@link org.gan4j.models.unconditional.Gan} (MLP, Goodfellow
 * et al. 2014) and {@link org.gan4j.models.unconditional.Dcgan} (the TensorFlow tutorial's networks, or
 * Radford et al.'s 64x64 ones), with paper/tutorial defaults documented in each javadoc, and their public
 * base {@link org.gan4j.models.unconditional.NoiseToImageGan} (standard step, sampling, preview) for new
 * noise-to-image variants.
 */
package org.gan4j.models.unconditional;
