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
