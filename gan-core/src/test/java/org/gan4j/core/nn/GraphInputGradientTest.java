package org.gan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.layers.InputGradientTap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** {@link Generator#inputGradient} on a ComputationGraph with an {@link InputGradientTap}. */
class GraphInputGradientTest {

    /** The tap feeds two branches (a strided one and a 1x1 one) whose outputs are merged. */
    private static ComputationGraph tappedGraph() {
        var b = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(new Adam(1e-2)).graphBuilder().addInputs("in");
        String first = "tap";
        b.addLayer("tap", new InputGradientTap(), "in");
        b.addLayer("c1", new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3).convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same)
                        .activation(Activation.TANH).build(), first)
                .addLayer("c2", new ConvolutionLayer.Builder().nOut(4).kernelSize(1, 1)
                        .activation(Activation.TANH).build(), first)
                .addVertex("cat", new MergeVertex(), "c1", "c2")
                .addLayer("out", new ConvolutionLayer.Builder().nOut(2).kernelSize(1, 1)
                        .activation(Activation.IDENTITY).build(), "cat")
                .setOutputs("out");
        b.setInputTypes(InputType.convolutional(5, 5, 2));
        ComputationGraph g = new ComputationGraph(b.build());
        g.init();
        return g;
    }

    @Test
    void graphGeneratorInputGradientMatchesFiniteDifferences() {
        ComputationGraph net = tappedGraph();
        Generator g = Generator.of(net, 2, 5, 5);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 2, 5, 5);
        INDArray out = g.forward(x);
        INDArray r = Nd4j.randn(DataType.DOUBLE, out.shape());
        INDArray params = net.params().dup();
        INDArray dx = g.inputGradient(r);
        assertEquals(params, net.params());
        assertEquals(0, g.iteration());
        double h = 1e-6;
        for (long i = 0; i < x.length(); i += 7) {
            double v = x.getDouble(i);
            x.putScalar(i, v + h);
            double up = net.outputSingle(false, x).mul(r).sumNumber().doubleValue();
            x.putScalar(i, v - h);
            double down = net.outputSingle(false, x).mul(r).sumNumber().doubleValue();
            x.putScalar(i, v);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, dx.getDouble(i), 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
        }
        // the tap does not disturb training: backward + applyGradients still work afterwards
        g.forward(x);
        g.backward(r);
        g.applyGradients();
        assertTrue(!params.equals(net.params()));
    }

    /**
     * A generator used on two paths: passes over batches of 1 and 3 examples, accumulated, give the same step
     * as one pass over the 4 examples (a per-example network, so the loss is the same), and
     * backwardToInput returns the same input gradient as that combined pass.
     */
    @Test
    void passesOfDifferentBatchSizesAddUpAndBackwardToInputReturnsTheInputGradient() {
        Nd4j.getRandom().setSeed(2);
        INDArray x1 = Nd4j.randn(DataType.DOUBLE, 1, 2, 5, 5);
        INDArray x2 = Nd4j.randn(DataType.DOUBLE, 3, 2, 5, 5);
        INDArray r1 = Nd4j.randn(DataType.DOUBLE, 1, 2, 5, 5);
        INDArray r2 = Nd4j.randn(DataType.DOUBLE, 3, 2, 5, 5);

        ComputationGraph split = tappedGraph();
        Generator g = Generator.of(split, 2, 5, 5);
        g.forward(x1);
        INDArray dx1 = g.backwardToInput(r1);
        g.forward(x2);
        g.backward(r2);
        g.applyGradients();

        ComputationGraph joint = tappedGraph();
        Generator h = Generator.of(joint, 2, 5, 5);
        h.forward(Nd4j.concat(0, x1, x2));
        INDArray dx = h.backwardToInput(Nd4j.concat(0, r1, r2));
        h.applyGradients();

        assertTrue(split.params().equalsWithEps(joint.params(), 1e-12), "accumulated step differs from the joint one");
        assertTrue(!split.params().equals(tappedGraph().params()), "the step changed the parameters");
        assertTrue(dx1.equalsWithEps(dx.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)), 1e-12));
        Generator fresh = Generator.of(tappedGraph(), 2, 5, 5);
        fresh.forward(x1);
        assertTrue(dx1.equalsWithEps(fresh.inputGradient(r1), 1e-12), "backwardToInput == inputGradient");
    }

    /**
     * A twin's forward state is its own (the original's forward pass in between does not disturb it) and its
     * backward passes are pending passes of the original: the same step and input gradients as one joint pass.
     */
    @Test
    void twinPassesArePendingPassesOfTheOriginal() {
        Nd4j.getRandom().setSeed(3);
        INDArray x1 = Nd4j.randn(DataType.DOUBLE, 1, 2, 5, 5);
        INDArray x2 = Nd4j.randn(DataType.DOUBLE, 2, 2, 5, 5);
        INDArray r1 = Nd4j.randn(DataType.DOUBLE, 1, 2, 5, 5);
        INDArray r2 = Nd4j.randn(DataType.DOUBLE, 2, 2, 5, 5);

        ComputationGraph split = tappedGraph();
        Generator g = Generator.of(split, 2, 5, 5);
        Generator t = g.twin();
        double p0 = g.params().getDouble(0);
        g.params().putScalar(0, p0 + 1);
        assertEquals(p0 + 1, t.params().getDouble(0), "parameters shared, not copied");
        g.params().putScalar(0, p0);
        INDArray y1 = t.forward(x1).dup();
        g.forward(x2);
        INDArray dx2 = g.backwardToInput(r2);
        INDArray dx1 = t.backwardToInput(r1);
        assertThrows(UnsupportedOperationException.class, t::applyGradients);
        g.applyGradients();
        assertEquals(1, g.iteration());

        ComputationGraph joint = tappedGraph();
        Generator h = Generator.of(joint, 2, 5, 5);
        INDArray y = h.forward(Nd4j.concat(0, x1, x2));
        INDArray dx = h.backwardToInput(Nd4j.concat(0, r1, r2));
        h.applyGradients();

        var first = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1);
        var rest = org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3);
        assertTrue(y1.equalsWithEps(y.get(first), 1e-12), "twin forward");
        assertTrue(dx1.equalsWithEps(dx.get(first), 1e-12), "twin input gradient");
        assertTrue(dx2.equalsWithEps(dx.get(rest), 1e-12), "original input gradient");
        assertTrue(split.params().equalsWithEps(joint.params(), 1e-12), "step with the twin's pass differs from the joint one");
        assertTrue(t.forward(x1).equalsWithEps(split.outputSingle(true, x1), 1e-12), "the twin sees the updated parameters");

        // only the twin's pass pending: the original has no gradient object of its own to apply
        t.forward(x1);
        t.backward(r1);
        assertThrows(IllegalStateException.class, g::applyGradients);
    }

    @Test
    void untappedGraphSaysHowToGetInputGradients() {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("c", new ConvolutionLayer.Builder().nIn(2).nOut(2).kernelSize(1, 1).build(), "in")
                .setOutputs("c").build());
        net.init();
        Generator g = Generator.of(net, 2, 3, 3);
        g.forward(Nd4j.rand(DataType.FLOAT, 1, 2, 3, 3));
        var e = assertThrows(UnsupportedOperationException.class, () -> g.inputGradient(Nd4j.ones(DataType.FLOAT, 1, 2, 3, 3)));
        assertTrue(e.getMessage().contains("InputGradientTap"), e.getMessage());
    }
}
