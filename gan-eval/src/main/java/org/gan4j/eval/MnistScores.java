package org.gan4j.eval;

import java.util.List;
import java.util.Locale;

/**
 * Classifier-based scores of a set of 28x28 digit images (see {@link MnistEvaluator}).
 *
 * @param count number of images scored
 * @param classCounts how many images the classifier assigns to each digit 0..9 (argmax); sums to {@code count}
 * @param confidentFraction share of images whose top class probability is at least
 *     {@value MnistEvaluator#CONFIDENT_PROBABILITY}: the classifier is sure it sees that digit
 * @param presentShare the share of the images a class needs to count as present
 * @param classesPresent number of digits that get at least {@code presentShare} of the images (10 = all present)
 * @param inceptionScore the "MNIST inception score" {@code exp(E_x KL(p(y|x) || p(y)))}, between 1 and 10:
 *     high when each image is classified confidently and the classes are evenly used
 * @param frechetDistance squared Fréchet distance between Gaussian fits of the classifier's 256 feature
 *     activations of these images and of the 10,000 MNIST test images (the FID formula on this classifier's
 *     features; 0 for identical statistics; biased upwards for small sets)
 */
public record MnistScores(int count, List<Integer> classCounts, double confidentFraction, double presentShare,
        int classesPresent, double inceptionScore, double frechetDistance) {

    /** Checks sizes; copies the counts. */
    public MnistScores {
        classCounts = List.copyOf(classCounts);
        if (classCounts.size() != 10) {
            throw new IllegalArgumentException("need 10 class counts, got " + classCounts.size());
        }
        if (classCounts.stream().mapToInt(Integer::intValue).sum() != count) {
            throw new IllegalArgumentException("class counts " + classCounts + " do not sum to " + count);
        }
    }

    /** Share of the images assigned to {@code digit}. */
    public double classShare(int digit) {
        return (double) classCounts.get(digit) / count;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MnistScores[n=%d, confident=%.4f, classes>=%.0f%%=%d, IS=%.3f, FD=%.3f, counts=%s]",
                count, confidentFraction, 100 * presentShare, classesPresent, inceptionScore, frechetDistance, classCounts);
    }
}
