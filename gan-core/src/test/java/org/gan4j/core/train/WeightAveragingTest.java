package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gan4j.core.listeners.CheckpointListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Generator weight averaging: the update rule, where the average is used, checkpoints and exact resume. */
class WeightAveragingTest {
    @TempDir
    Path dir;

    @Test
    void factorFollowsTheWeightsBeforeStartThenWarmsUpToTheDecay() {
        WeightAveraging a = new WeightAveraging(0.9, 2);
        assertEquals(0, a.factor(1));
        assertEquals(0, a.factor(2));
        assertEquals(1.0 / 10, a.factor(3), 1e-12); // first averaged step: (1 + 0) / (10 + 0)
        assertEquals(2.0 / 11, a.factor(4), 1e-12);
        assertEquals(0.9, a.factor(1000), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new WeightAveraging(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WeightAveraging(0.99, -1));
    }

    @Test
    void shadowIsTheMovingAverageOfTheWeightsAfterEachStep() {
        LinearVariant v = new LinearVariant();
        WeightAveraging settings = new WeightAveraging(0.5, 1);
        List<INDArray> weights = new ArrayList<>();
        Trainer t = Trainer.builder(v, LinearVariant.examples()).epochs(2).seed(1).averaging(settings).listeners(new TrainingListener() {
            @Override
            public void onIteration(Trainer trainer, Map<String, Double> losses) {
                weights.add(v.g.params().dup());
            }
        }).build();
        t.fit();
        // the same recursion in double precision
        double[] expected = weights.get(0).toDoubleVector();
        for (int i = 1; i < weights.size(); i++) {
            double f = settings.factor(i + 1);
            double[] w = weights.get(i).toDoubleVector();
            for (int k = 0; k < w.length; k++) {
                expected[k] = f * expected[k] + (1 - f) * w[k];
            }
        }
        INDArray trained = v.g.params().dup();
        INDArray averaged = t.withAveragedWeights(() -> v.g.params().dup());
        double[] got = averaged.toDoubleVector();
        for (int k = 0; k < got.length; k++) {
            assertEquals(expected[k], got[k], 1e-6);
        }
        assertNotEquals(trained, averaged, "the average lags the trained weights");
        assertEquals(trained, v.g.params(), "the trained weights are back, bit for bit");
    }

    @Test
    void previewsUseTheAverageAndRunsWithoutAveragingAreUnchanged() {
        LinearVariant plain = new LinearVariant();
        Trainer.builder(plain, LinearVariant.examples()).epochs(1).seed(1).build().fit();
        LinearVariant averaged = new LinearVariant();
        Trainer t = Trainer.builder(averaged, LinearVariant.examples()).epochs(1).seed(1).averaging(new WeightAveraging(0.9, 0)).build();
        t.fit();
        assertEquals(plain.g.params(), averaged.g.params(), "averaging never changes training");
        INDArray preview = t.withAveragedWeights(() -> averaged.preview(1).images());
        assertNotEquals(averaged.preview(1).images(), preview);
    }

    @Test
    void resumedRunEndsWithTheSameAverageAndRestoreGivesTheAverageForInference() throws Exception {
        WeightAveraging settings = new WeightAveraging(0.7, 2);
        LinearVariant straight = new LinearVariant();
        Trainer s = Trainer.builder(straight, LinearVariant.examples()).epochs(3).seed(1).averaging(settings).build();
        s.fit();
        INDArray straightAverage = s.withAveragedWeights(() -> straight.g.params().dup());

        Path cps = dir.resolve("cp");
        Trainer first = Trainer.builder(new LinearVariant(), LinearVariant.examples()).epochs(3).seed(1).averaging(settings)
                .maxIterations(5).listeners(new CheckpointListener(cps, 5, 5)).build();
        first.fit();
        LinearVariant resumedVariant = new LinearVariant();
        Trainer resumed = Trainer.builder(resumedVariant, LinearVariant.examples()).epochs(3).seed(1).averaging(settings).build();
        resumed.resumeFrom(cps.resolve(CheckpointListener.fileName(5)));
        resumed.fit();
        assertEquals(straight.g.params(), resumedVariant.g.params());
        assertEquals(straightAverage, resumed.withAveragedWeights(() -> resumedVariant.g.params().dup()),
                "the average continues exactly");

        Path end = dir.resolve("end.zip");
        resumed.saveCheckpoint(end);
        Checkpoint cp = Checkpoint.read(end);
        assertEquals(settings, cp.averaging().orElseThrow());
        assertTrue(Checkpoint.read(cps.resolve(CheckpointListener.fileName(5))).averaging().isPresent());
    }
}
