/**
 * Objective quality measures for generated images. {@link org.gan4j.eval.MnistEvaluator} scores 28x28
 * digits with a small MNIST classifier (trained once, cached): confident share, class histogram, classes
 * present, the MNIST inception score and a Fréchet distance on the classifier's features (an FID analogue),
 * returned as {@link org.gan4j.eval.MnistScores}. It takes tensors (e.g. from a generator) or a
 * folder of PNGs written by any framework. {@link org.gan4j.eval.TranslationEvaluator} says whether an
 * image-to-image translation worked ({@link org.gan4j.eval.TranslationScores}), with small classifiers trained
 * and cached per dataset on the real images of a {@link org.gan4j.eval.TranslationData}.
 * {@link org.gan4j.eval.TwoSampleTest} is the classifier two-sample test on its own (real images against
 * any others), e.g. the realism score of super-resolved patches.
 */
package org.gan4j.eval;
