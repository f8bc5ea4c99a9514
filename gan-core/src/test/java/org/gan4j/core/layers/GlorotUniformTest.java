package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.Activation;

class GlorotUniformTest {

    /** conv 1->64 5x5 s2, transposed conv 64->32 5x5 s2, dense -> 10, all with the Keras fans. */
    private static MultiLayerNetwork net() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).weightInit(new GlorotUniform()).list()
                .layer(new Convolution2D.Builder().nOut(64).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build())
                .layer(new TransposedConvolution2D.Builder().nOut(32).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build())
                .layer(new DenseLayer.Builder().nOut(10).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    /** Uniform(-s, s): every weight within s, standard deviation s / sqrt(3). */
    private static void assertUniform(INDArray w, double s, String what) {
        assertTrue(w.amaxNumber().doubleValue() <= s, what + ": max |w| " + w.amaxNumber() + " > " + s);
        assertTrue(w.amaxNumber().doubleValue() > 0.95 * s, what + ": range too narrow");
        assertEquals(s / Math.sqrt(3), w.stdNumber().doubleValue(), 0.05 * s / Math.sqrt(3), what + ": std");
    }

    @Test
    void convolutionFansAreChannelsTimesKernelAreaWithoutTheStrideDivisionDl4jApplies() {
        MultiLayerNetwork n = net();
        // Keras: conv 5x5 1->64 fans 25 and 1600; DL4J's XAVIER_UNIFORM would use 25 and 400 (s = 0.119)
        assertUniform(n.getLayer(0).getParam("W"), Math.sqrt(6.0 / (25 + 1600)), "conv");
        assertUniform(n.getLayer(1).getParam("W"), Math.sqrt(6.0 / (25 * 64 + 25 * 32)), "transposed conv");
        assertUniform(n.getLayer(2).getParam("W"), Math.sqrt(6.0 / (32 * 28 * 28 + 10)), "dense");
        assertEquals(0.0, n.getLayer(0).getParam("b").amaxNumber().doubleValue(), "biases start at zero");
    }

    @Test
    void roundTripsThroughJson() {
        MultiLayerNetwork n = net();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(n.getLayerWiseConfigurations().toJson());
        var layer = (org.deeplearning4j.nn.conf.layers.BaseLayer) back.getConf(0).getLayer();
        assertInstanceOf(GlorotUniform.class, layer.getWeightInitFn());
        assertEquals(n.getLayerWiseConfigurations(), back);
    }
}
