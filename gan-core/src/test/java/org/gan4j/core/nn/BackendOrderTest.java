package org.gan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.layers.BatchNorm;
import org.gan4j.core.layers.Convolution2D;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network built before the backend was configured computes exactly like one built after, once gan4j
 * wraps it. Runs in a fresh JVM ({@link #main}): in this one, other tests have configured the backend
 * long ago.
 */
class BackendOrderTest {

    @Test
    void aNetworkBuiltBeforeConfigurationGetsTheHelpersWhenWrapped() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-Dorg.bytedeco.javacpp.maxbytes=2G",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G", "-cp", System.getProperty("java.class.path"),
                BackendOrderTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "forked JVM did not finish");
        assertEquals(0, p.exitValue(), "forked JVM failed:\n" + out);
        assertTrue(out.contains("ORDER-INDEPENDENT"), out);
    }

    /** The forked check: exits non-zero on any failure. */
    public static void main(String[] args) {
        assertNull(System.getProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY), "a fresh JVM expected");
        MultiLayerNetwork early = net();
        assertFalse(Backend.oneDnnHelpers(), "configured before anything asked");
        for (Layer l : helperLayers(early)) {
            assertNull(l.getHelper(), "DL4J gave " + l.getClass().getSimpleName() + " a helper before configuration");
        }

        Discriminator wrappedEarly = Discriminator.of(early);
        assertTrue(Backend.oneDnnHelpers(), "oneDNN helpers not enabled: is nd4j.classifier a -onednn build?");
        for (Layer l : helperLayers(early)) {
            assertNotNull(l.getHelper(), l.getClass().getSimpleName() + " has no helper after wrapping");
        }
        Discriminator late = Discriminator.of(net());

        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 8, 1).subi(0.5).divi(8);
        for (int step = 0; step < 3; step++) {
            INDArray a = wrappedEarly.forward(x).dup();
            INDArray b = late.forward(x).dup();
            assertEquals(b, a, "outputs differ at step " + step);
            assertEquals(late.inputGradient(eps), wrappedEarly.inputGradient(eps), "input gradients differ");
            wrappedEarly.forward(x);
            late.forward(x);
            wrappedEarly.backward(eps);
            late.backward(eps);
            wrappedEarly.applyGradients();
            late.applyGradients();
            assertEquals(late.params(), wrappedEarly.params(), "parameters differ after step " + step);
        }
        System.out.println("ORDER-INDEPENDENT");
        System.exit(0);
    }

    private static List<Layer> helperLayers(MultiLayerNetwork net) {
        return List.of(net.getLayer(0), net.getLayer(1), net.getLayer(2), net.getLayer(3));
    }

    /** DL4J's and gan4j's convolution and batch-norm layers, then a dense layer. */
    private static MultiLayerNetwork net() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(9).weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(8).activation(new ActivationLReLU(0.3)).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new Convolution2D.Builder(5, 5).stride(2, 2).nOut(16).activation(Activation.IDENTITY).build())
                .layer(new BatchNorm.Builder().build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
