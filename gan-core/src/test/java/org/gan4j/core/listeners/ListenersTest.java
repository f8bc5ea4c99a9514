package org.gan4j.core.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Listener behaviour with a minimal variant: one linear "generator" fitted to the data. */
public class ListenersTest {
    @TempDir
    Path dir;

    /** Regresses noise onto the data with one linear layer; enough to drive listeners. */
    public static final class LinearVariant implements GanVariant {
        final Generator g;

        public LinearVariant() {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                    .updater(new Sgd(0.1)).list()
                    .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build()).build());
            net.init();
            g = Generator.of(net, 2);
        }

        @Override
        public String name() {
            return "linear";
        }

        @Override
        public Map<String, Network> networks() {
            return Map.of("generator", g);
        }

        @Override
        public Map<String, Double> trainStep(Batch batch, StepContext ctx) {
            var out = g.forward(ctx.gaussian(batch.size(), 2));
            var diff = out.sub(batch.a().reshape(batch.size(), 4));
            g.backward(diff.mul(2.0 / diff.length()));
            g.applyGradients();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("loss_fit", diff.norm2Number().doubleValue());
            return m;
        }

        @Override
        public Preview preview(long seed) {
            return new Preview(g.output(Nd4j.ones(4, 2)).reshape(4, 1, 2, 2), 2);
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }
    }

    public static InMemoryBatchSource data() {
        return new InMemoryBatchSource(Nd4j.rand(12, 1, 2, 2), 3); // 4 batches per epoch
    }

    @Test
    void checkpointsEveryNAtEpochEndsAndKeepsTheNewest() throws Exception {
        Path cps = dir.resolve("cp");
        Trainer.builder(new LinearVariant(), data()).epochs(3).seed(1)
                .listeners(new CheckpointListener(cps, 3, 2)).build().fit();
        // saves at 3, 4 (epoch end), 6, 8, 9, 12 -> newest two kept
        try (var files = Files.list(cps)) {
            assertEquals(List.of("ckpt-0000009.zip", "ckpt-0000012.zip"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void lossLogHasOneRowPerIterationAndDropsRowsPastTheResumePoint() throws Exception {
        Path csv = dir.resolve("losses.csv");
        Path cps = dir.resolve("cp");
        Trainer.builder(new LinearVariant(), data()).epochs(2).seed(1)
                .listeners(new LossLogListener(csv), new CheckpointListener(cps, 5, 5)).build().fit();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,epoch,seconds,loss_fit", lines.get(0));
        assertEquals(9, lines.size());
        assertTrue(lines.get(8).startsWith("8,1,"), lines.get(8));

        // resume from iteration 5: rows 6..8 are rewritten by the continued run, not duplicated
        Trainer t = Trainer.builder(new LinearVariant(), data()).epochs(2).seed(1)
                .listeners(new LossLogListener(csv)).build();
        t.resumeFrom(cps.resolve(CheckpointListener.fileName(5)));
        t.fit();
        List<String> after = Files.readAllLines(csv);
        assertEquals(9, after.size());
        for (int i = 1; i <= 8; i++) {
            assertTrue(after.get(i).startsWith(i + ","), after.get(i));
            // same losses as the first run: resume is exact
            assertEquals(lines.get(i).split(",")[3], after.get(i).split(",")[3]);
        }
    }

    @Test
    void sampleGridsBeforeEveryNAndAtTheEnd() throws Exception {
        Path samples = dir.resolve("samples");
        Trainer.builder(new LinearVariant(), data()).epochs(1).seed(1).maxIterations(3)
                .listeners(new SampleGridListener(samples, 2, 2)).build().fit();
        try (var files = Files.list(samples)) {
            assertEquals(List.of("iter-000000.png", "iter-000002.png", "iter-000003.png", "latest.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void progressLineShowsEpochCountsAndLosses() {
        var out = new java.io.ByteArrayOutputStream();
        Trainer.builder(new LinearVariant(), data()).epochs(1).seed(1)
                .listeners(new ProgressListener(new java.io.PrintStream(out, true), false, 0)).build().fit();
        String text = out.toString();
        assertTrue(text.contains("epoch 1/1 [#####---------------] 1/4"), text);
        assertTrue(text.contains("loss_fit"), text);
        assertTrue(text.contains("done: 4 iterations"), text);
        assertEquals("1:01:01", ProgressListener.clock(3661));
    }
}
