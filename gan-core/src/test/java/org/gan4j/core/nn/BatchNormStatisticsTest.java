package org.gan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BatchNormStatisticsTest {

    /** Dense -> BN (2D) -> reshape -> conv -> BN (4D), in double precision, activations far from N(0, 1). */
    private static MultiLayerNetwork net(boolean logStd) {
        var conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(2 * 4 * 4).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().useLogStd(logStd).build())
                .layer(new ConvolutionLayer.Builder().nOut(3).kernelSize(3, 3).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().useLogStd(logStd).build())
                .inputPreProcessor(2, new FeedForwardToCnnPreProcessor(4, 4, 2))
                .setInputType(InputType.feedForward(5)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    private static INDArray input(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, n, 5).muli(3).addi(2);
    }

    @Test
    void withOneBatchInferenceEqualsTrainingModeOnThatBatch() {
        for (boolean logStd : new boolean[] {true, false}) {
            MultiLayerNetwork n = net(logStd);
            INDArray x = input(1, 16);
            INDArray weightsBefore = n.params().dup();
            INDArray training = n.output(x, true);
            assertTrue(training.sub(n.output(x, false)).amaxNumber().doubleValue() > 0.1, "statistics already fit");
            assertEquals(2, BatchNormStatistics.reestimate(n, List.of(x)));
            // batch norm's epsilon is added to the same variance in both modes
            assertTrue(training.sub(n.output(x, false)).amaxNumber().doubleValue() < 1e-9, "logStd " + logStd);
            INDArray changed = n.params().sub(weightsBefore);
            long changedCount = changed.neq(0).castTo(DataType.INT).sumNumber().longValue();
            // exactly the statistics: mean and std of the 32 features of the first BN and the 3 channels of the second
            assertEquals(2 * 32 + 2 * 3, changedCount);
        }
    }

    @Test
    void severalBatchesGiveTheAverageOfTheirMeans() {
        MultiLayerNetwork n = net(true);
        INDArray a = input(1, 8);
        INDArray b = input(2, 8);
        INDArray dense = n.getLayer(0).activate(a, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).dup();
        INDArray denseB = n.getLayer(0).activate(b, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).dup();
        BatchNormStatistics.reestimate(n, List.of(a, b));
        INDArray expectedMean = dense.mean(0).add(denseB.mean(0)).div(2);
        INDArray mean = n.getLayer(1).getParam("mean").reshape(expectedMean.shape());
        assertTrue(expectedMean.sub(mean).amaxNumber().doubleValue() < 1e-12, mean + " vs " + expectedMean);
        INDArray expectedVar = dense.var(false, 0).add(denseB.var(false, 0)).div(2);
        INDArray std = Nd4j.valueArrayOf(expectedVar.shape(), 10.0, DataType.DOUBLE);
        std = org.nd4j.linalg.ops.transforms.Transforms.pow(std, n.getLayer(1).getParam("log10stdev").reshape(expectedVar.shape()));
        assertTrue(expectedVar.sub(std.mul(std)).amaxNumber().doubleValue() < 1e-10);
    }

    @Test
    void graphsAndBadArguments() {
        // graphs with batch norm need workspaces off in DL4J 1.0.0-M2.1 (see dl4j-facts)
        var conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .trainingWorkspaceMode(org.deeplearning4j.nn.conf.WorkspaceMode.NONE)
                .inferenceWorkspaceMode(org.deeplearning4j.nn.conf.WorkspaceMode.NONE).graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(5).nOut(6).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "dense")
                .setOutputs("bn").setInputTypes(InputType.feedForward(5)).build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        INDArray x = input(4, 12);
        INDArray training = g.outputSingle(true, x);
        assertEquals(1, BatchNormStatistics.reestimate(g, List.of(x)));
        assertTrue(training.sub(g.outputSingle(false, x)).amaxNumber().doubleValue() < 1e-9);
        assertTrue(BatchNormStatistics.hasBatchNorm(g));
        assertThrows(IllegalArgumentException.class, () -> BatchNormStatistics.reestimate(g, List.of()));
    }
}
