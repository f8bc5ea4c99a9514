package org.gan4j.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classifier two-sample test (Lopez-Paz and Oquab 2017): a fresh small CNN learns to tell real images from
 * other images (translations, super-resolved patches, ...) on one set, and its accuracy is measured on a second,
 * disjoint set. 50 % means the classifier cannot tell them apart; near 100 % means it always can. The classifier
 * is the one {@link TranslationEvaluator} uses (seeded: the same images give the same accuracy).
 */
public final class TwoSampleTest {
    /** Seed of the classifier's initialisation and batch order. */
    static final long SEED = 0x2c57L;

    private TwoSampleTest() {}

    /**
     * Trains on {@code realTrain} (label real) against {@code otherTrain}, returns the accuracy on {@code realTest}
     * and {@code otherTest}. Each argument is {@code [N, C, S, S]} in [-1, 1] (square images of one size); the two
     * sets of a pair must be equally large so that 50 % is chance.
     *
     * @return the share of test images classified correctly, in [0, 1]
     * @throws IllegalArgumentException if a pair differs in size, a set is empty, or the shapes differ
     */
    public static double accuracy(INDArray realTrain, INDArray otherTrain, INDArray realTest, INDArray otherTest) {
        requireBalanced("training", realTrain, otherTrain);
        requireBalanced("test", realTest, otherTest);
        if (!Arrays.equals(Arrays.copyOfRange(realTrain.shape(), 1, 4), Arrays.copyOfRange(realTest.shape(), 1, 4))) {
            throw new IllegalArgumentException("two-sample test: training images " + Arrays.toString(realTrain.shape())
                    + " and test images " + Arrays.toString(realTest.shape()) + " differ in shape");
        }
        int k = (int) realTrain.size(0);
        int[] labels = new int[2 * k];
        Arrays.fill(labels, 0, k, 1);
        SmallCnn net = SmallCnn.train(Nd4j.concat(0, realTrain, otherTrain), labels, 2, SEED,
                SmallCnn.TWO_SAMPLE_MIN_ITERATIONS);
        int t = (int) realTest.size(0);
        SmallCnn.Outputs out = net.run(Nd4j.concat(0, realTest, otherTest));
        int correct = 0;
        for (int i = 0; i < 2 * t; i++) {
            correct += out.predicted(i) == (i < t ? 1 : 0) ? 1 : 0;
        }
        return (double) correct / (2 * t);
    }

    /**
     * The test cross-fitted over groups of images that belong together (e.g. the patches of one photo): groups with
     * even index form one fold, odd ones the other; the classifier trains on one fold and is tested on the other,
     * both ways, and the two accuracies are averaged. Keeping a group within one fold means no test image shares a
     * photo with a training image.
     *
     * @param real per group, real images {@code [N_i, C, S, S]} in [-1, 1]
     * @param other per group, as many other images of the same shape (e.g. the model's output at the same places)
     * @return the mean test accuracy of the two folds, in [0, 1]
     * @throws IllegalArgumentException if there are fewer than 2 groups, the lists differ in length, or a group's
     *     two sets differ in shape
     */
    public static double crossFitted(List<INDArray> real, List<INDArray> other) {
        if (real.size() != other.size() || real.size() < 2) {
            throw new IllegalArgumentException("two-sample test: needs at least 2 groups of real and other images,"
                    + " one list each of the same length, got " + real.size() + " and " + other.size());
        }
        List<List<INDArray>> realFolds = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<INDArray>> otherFolds = List.of(new ArrayList<>(), new ArrayList<>());
        for (int g = 0; g < real.size(); g++) {
            if (!Arrays.equals(real.get(g).shape(), other.get(g).shape())) {
                throw new IllegalArgumentException("two-sample test: group " + g + " has real images "
                        + Arrays.toString(real.get(g).shape()) + " but other images " + Arrays.toString(other.get(g).shape()));
            }
            realFolds.get(g % 2).add(real.get(g));
            otherFolds.get(g % 2).add(other.get(g));
        }
        INDArray[] r = {concat(realFolds.get(0)), concat(realFolds.get(1))};
        INDArray[] o = {concat(otherFolds.get(0)), concat(otherFolds.get(1))};
        return (accuracy(r[0], o[0], r[1], o[1]) + accuracy(r[1], o[1], r[0], o[0])) / 2;
    }

    private static INDArray concat(List<INDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    private static void requireBalanced(String what, INDArray real, INDArray other) {
        if (real.rank() != 4 || other.rank() != 4 || real.size(2) != real.size(3)) {
            throw new IllegalArgumentException("two-sample test: " + what + " images must be square NCHW batches, got "
                    + Arrays.toString(real.shape()) + " and " + Arrays.toString(other.shape()));
        }
        if (real.size(0) == 0 || !Arrays.equals(real.shape(), other.shape())) {
            throw new IllegalArgumentException("two-sample test: the " + what + " sets must be non-empty and of one"
                    + " shape, got real " + Arrays.toString(real.shape()) + " and other " + Arrays.toString(other.shape()));
        }
    }
}
