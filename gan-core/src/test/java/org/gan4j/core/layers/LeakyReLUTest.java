package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class LeakyReLUTest {

    /** Random values with exact zeros, negative zeros and both signs, shape [8, 37]. */
    private static INDArray input(DataType type) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(type, 8, 37);
        x.putScalar(0, 0.0);
        x.putScalar(1, -0.0);
        x.putScalar(2, 1e-30);
        x.putScalar(3, -1e-30);
        return x;
    }

    private static void assertSameAsDl4j(double alpha, DataType type) {
        INDArray x = input(type);
        INDArray eps = Nd4j.randn(type, 8, 37);
        IActivation theirs = new ActivationLReLU(alpha);
        IActivation ours = new LeakyReLU(alpha);
        assertEquals(theirs.getActivation(x.dup(), true), ours.getActivation(x.dup(), true), "forward, alpha " + alpha);
        INDArray t = theirs.backprop(x.dup(), eps.dup()).getFirst();
        INDArray o = ours.backprop(x.dup(), eps.dup()).getFirst();
        // DL4J's kernel rounds alpha * eps differently (double product for float arrays, alpha as a float
        // for double arrays): equal to one float rounding
        double ulp = 1.2e-7;
        INDArray err = t.sub(o).divi(Transforms.abs(t).addi(Double.MIN_NORMAL));
        assertTrue(err.amaxNumber().doubleValue() <= ulp, "backward, alpha " + alpha + ": " + err.amaxNumber());
    }

    @Test
    void matchesDl4j() {
        for (double alpha : new double[] {0.3, 0.2, 0.01, 0.0, 1.0}) {
            assertSameAsDl4j(alpha, DataType.FLOAT);
            assertSameAsDl4j(alpha, DataType.DOUBLE);
        }
        // slopes outside [0, 1] take DL4J's kernels
        assertSameAsDl4j(1.5, DataType.FLOAT);
        assertSameAsDl4j(-0.5, DataType.FLOAT);
    }

    @Test
    void derivativeAtZeroIsOneAsInDl4j() {
        INDArray x = Nd4j.createFromArray(-2f, 0f, -0f, 3f);
        INDArray g = new LeakyReLU(0.25).backprop(x, Nd4j.createFromArray(1f, 1f, 1f, 1f)).getFirst();
        assertEquals(Nd4j.createFromArray(0.25f, 1f, 1f, 1f), g);
    }

    private static MultiLayerNetwork net() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nOut(6).activation(new LeakyReLU(0.3)).build())
                .layer(new ActivationLayer.Builder().activation(new LeakyReLU(0.2)).build())
                .setInputType(InputType.feedForward(4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        MultiLayerNetwork net = net();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 4);
        INDArray r = Nd4j.rand(DataType.DOUBLE, 5, 6).subi(0.5);
        INDArray[] analytic = TransposedConvolution2DTest.run(net, x, r);
        TransposedConvolution2DTest.checkAgainstFiniteDifferences(net, x, r, net.params(), analytic[2], "parameter ");
        TransposedConvolution2DTest.checkAgainstFiniteDifferences(net, x, r, x.reshape(x.length()),
                analytic[1].reshape(x.length()), "input ");
    }

    @Test
    void roundTripsThroughJson() {
        MultiLayerNetwork net = net();
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), fromJson);
        IActivation act = ((ActivationLayer) fromJson.getConf(1).getLayer()).getActivationFn();
        assertInstanceOf(LeakyReLU.class, act);
        assertEquals(0.2, ((LeakyReLU) act).getAlpha());
    }

    @Test
    void rejectsNonFiniteSlope() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NaN));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }
}
