package org.gan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OneDnnHelpersTest {

    @Test
    void shimClassAnswersTheOldEnvironmentLookup() throws Exception {
        ClassLoader loader = new OneDnnHelpers.AliasLoader(getClass().getClassLoader());
        Class<?> c = Class.forName(OneDnnHelpers.OLD_ENVIRONMENT, true, loader);
        assertEquals(OneDnnHelpers.OLD_ENVIRONMENT, c.getName());
        Object instance = c.getMethod("getInstance").invoke(null);
        assertNull(instance);
        assertEquals(true, c.getMethod("isUseMKLDNN").invoke(instance));
        assertEquals(String.class, Class.forName("java.lang.String", false, loader), "other classes come from the parent");
    }

    /** The default backend of this build is a oneDNN one: the helpers must come on and change nothing but speed. */
    @Test
    void helpersAreOnAndGiveTheSameResults() {
        OneDnnHelpers.enable();
        assertTrue(OneDnnHelpers.enabled(), "oneDNN helpers not enabled: is nd4j.classifier a -onednn build?");
        String before = System.getProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY);
        MultiLayerNetwork off;
        MultiLayerNetwork on;
        try {
            System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, "true");
            off = net();
            System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, "false");
            on = net();
        } finally {
            System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, before);
        }
        var offConv = (org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) off.getLayer(0);
        var onConv = (org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) on.getLayer(0);
        assertNull(offConv.getHelper());
        assertNotNull(onConv.getHelper(), "no oneDNN convolution helper");
        assertNotNull(((org.deeplearning4j.nn.layers.normalization.BatchNormalization) on.getLayer(2)).getHelper());

        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 8, 1).subi(0.5);
        INDArray[] a = run(off, x, eps);
        INDArray[] b = run(on, x, eps);
        for (int i = 0; i < a.length; i++) {
            double scale = a[i].amaxNumber().doubleValue();
            double err = a[i].sub(b[i]).amaxNumber().doubleValue() / scale;
            assertTrue(err < 1e-5, "result " + i + " differs by " + err + " (relative)");
        }
    }

    private static INDArray[] run(MultiLayerNetwork net, INDArray x, INDArray eps) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, false);
        Pair<Gradient, INDArray> p = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        return new INDArray[] {acts.get(acts.size() - 1).dup(), p.getSecond().dup(), net.getGradientsViewArray().dup()};
    }

    /** D-like: conv 5x5 s2 same + LReLU, conv, batch norm, dense. */
    private static MultiLayerNetwork net() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(9).weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(16).activation(new ActivationLReLU(0.3)).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(32).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().decay(0.99).eps(1e-3).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
