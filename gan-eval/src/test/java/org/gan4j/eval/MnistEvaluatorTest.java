package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The classifier-based scores on real MNIST, noise and degenerate sets, with a briefly trained classifier. */
class MnistEvaluatorTest {
    @TempDir
    Path dir;

    private static Mnist train() {
        return EvalTestData.mnist(MnistSplit.TRAIN);
    }

    private static Mnist test() {
        return EvalTestData.mnist(MnistSplit.TEST);
    }

    @Test
    void briefTrainingAlreadyRecognisesTestDigits() {
        // 100 batches of 64 (about 93 % here): far above the 10 % of an untrained or broken classifier
        double acc = EvalTestData.evaluator().testAccuracy();
        assertTrue(acc > 0.85, "test accuracy " + acc);
    }

    @Test
    void realDigitsScoreFarBetterThanNoise() {
        MnistEvaluator e = EvalTestData.evaluator();
        MnistScores real = e.score(train().images(EvalTestData.range(0, 1000)));
        Nd4j.getRandom().setSeed(1);
        INDArray noise = Nd4j.rand(DataType.FLOAT, 1000, 1, 28, 28).muli(2).subi(1); // uniform in [-1, 1]
        MnistScores fake = e.score(noise);
        assertEquals(1000, real.count());
        assertEquals(10, real.classesPresent(), "real digits cover all classes");
        assertTrue(real.confidentFraction() > 0.5, "real: " + real);
        assertTrue(real.inceptionScore() > 6, "real: " + real);
        // noise: about 5 % confident, 2 classes, IS 1.1 and a Frechet distance 40x that of real digits
        assertTrue(fake.inceptionScore() < real.inceptionScore() - 3, "noise: " + fake);
        assertTrue(fake.classesPresent() < 10, "noise: " + fake);
        assertTrue(fake.confidentFraction() < real.confidentFraction() / 2, "noise: " + fake);
        assertTrue(fake.frechetDistance() > 10 * real.frechetDistance(), real + " vs " + fake);
    }

    @Test
    void oneDigitOnlyIsOneClassPresent() {
        Mnist t = test();
        List<Integer> threes = new ArrayList<>();
        for (int i = 0; i < t.size() && threes.size() < 300; i++) {
            if (t.label(i) == 3) {
                threes.add(i);
            }
        }
        MnistScores s = EvalTestData.evaluator().score(t.images(threes.stream().mapToInt(Integer::intValue).toArray()));
        assertEquals(300, s.classCounts().stream().mapToInt(Integer::intValue).sum(), "histogram sums to N");
        assertTrue(s.classShare(3) > 0.85, s.toString());
        assertEquals(1, s.classesPresent(), s.toString());
        assertTrue(s.inceptionScore() < 1.5, "a single class has an inception score near 1: " + s);
        // a threshold above every share but the largest still counts that one class; 1.0 needs all images
        assertEquals(1, EvalTestData.evaluator().score(t.images(threes.stream().mapToInt(Integer::intValue).toArray()),
                0.5).classesPresent());
    }

    @Test
    void histogramSumsToNAndPresentShareIsApplied() {
        MnistEvaluator e = EvalTestData.evaluator();
        INDArray x = test().images(EvalTestData.range(0, 137));
        MnistScores s = e.score(x);
        assertEquals(137, s.count());
        assertEquals(137, s.classCounts().stream().mapToInt(Integer::intValue).sum());
        int expected = 0;
        for (int k = 0; k < 10; k++) {
            expected += s.classCounts().get(k) >= 0.12 * 137 ? 1 : 0;
        }
        assertEquals(expected, e.score(x, 0.12).classesPresent());
        assertThrows(IllegalArgumentException.class, () -> e.score(x, 0));
        assertThrows(IllegalArgumentException.class, () -> e.score(Nd4j.zeros(DataType.FLOAT, 5, 1, 32, 32)));
    }

    @Test
    void theTestSetAgainstItselfHasFrechetDistanceZero() {
        MnistScores s = EvalTestData.evaluator().score(test().images(EvalTestData.range(0, 10_000)));
        assertTrue(s.frechetDistance() < 1e-6, s.toString());
    }

    @Test
    void savedClassifierLoadsWithTheSameScores() throws IOException {
        MnistEvaluator e = EvalTestData.evaluator();
        Path file = dir.resolve("cache/" + MnistEvaluator.FILE_NAME);
        e.save(file);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        MnistEvaluator loaded = MnistEvaluator.loadOrTrain(file, train(), test()); // exists: loads, no training
        assertEquals(e.testAccuracy(), loaded.testAccuracy(), 1e-9);
        INDArray x = train().images(EvalTestData.range(0, 50));
        assertEquals(e.score(x), loaded.score(x));
    }

    @Test
    void damagedClassifierFileNamesItselfAndTheFix() throws IOException {
        Path file = dir.resolve(MnistEvaluator.FILE_NAME);
        Files.write(file, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        IOException ex = assertThrows(IOException.class, () -> MnistEvaluator.loadOrTrain(file, train(), test()));
        assertTrue(ex.getMessage().contains(file.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains("delete it"), ex.getMessage());
    }

    @Test
    void wrongSplitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MnistEvaluator.train(test(), test(), 1, 100));
        assertThrows(IllegalArgumentException.class, () -> MnistEvaluator.train(train(), train(), 1, 100));
        assertThrows(IllegalArgumentException.class, () -> MnistEvaluator.train(train(), test(), 0, 100));
    }
}
