/**
 * Objective quality measures for generated images. {@link org.gan4j.eval.MnistEvaluator} scores 28x28
 * digits with a small MNIST classifier (trained once, cached): confident share, class histogram, classes
 * present, the MNIST inception score and a Fréchet distance on the classifier's features (an FID analogue),
 * returned as {@link org.gan4j.eval.MnistScores}. It takes tensors (e.g. from a generator) or a
 * folder of PNGs written by any framework.
 */
package org.gan4j.eval;
