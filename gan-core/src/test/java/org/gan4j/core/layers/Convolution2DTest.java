package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Convolution2DTest {

    record Spec(int nIn, int nOut, int h, int k, int s, int p, ConvolutionMode mode, boolean bias, IActivation act,
                CNN2DFormat format) {
        ConvolutionLayer layer(boolean ours) {
            ConvolutionLayer.Builder b = ours ? new Convolution2D.Builder() : new ConvolutionLayer.Builder();
            b.nOut(nOut).kernelSize(k, k).stride(s, s).padding(p, p).convolutionMode(mode).hasBias(bias)
                    .activation(act).dataFormat(format);
            return b.build();
        }

        /** The convolution, then a dense layer (so the convolution's input gradient is exercised). */
        MultiLayerNetwork net(boolean ours, DataType type) {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(type)
                    .weightInit(WeightInit.XAVIER_UNIFORM).list().layer(layer(ours))
                    .layer(new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build())
                    .setInputType(InputType.convolutional(h, h, nIn, format)).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            if (bias) {
                net.getLayer(0).getParam("b").assign(Nd4j.rand(type, 1, nOut).subi(0.5));
            }
            return net;
        }

        long[] inShape(int n) {
            return format == CNN2DFormat.NCHW ? new long[] {n, nIn, h, h} : new long[] {n, h, h, nIn};
        }
    }

    static final Spec DCGAN_D1 = new Spec(1, 16, 28, 5, 2, 0, ConvolutionMode.Same, true, new LeakyReLU(0.3), CNN2DFormat.NCHW);
    static final Spec DCGAN_D2 = new Spec(16, 8, 14, 5, 2, 0, ConvolutionMode.Same, true, new ActivationLReLU(0.3), CNN2DFormat.NCHW);
    static final Spec RADFORD = new Spec(3, 4, 8, 4, 2, 1, ConvolutionMode.Truncate, false, Activation.IDENTITY.getActivationFunction(), CNN2DFormat.NCHW);
    static final Spec NHWC_TANH = new Spec(3, 5, 6, 3, 1, 1, ConvolutionMode.Truncate, true, Activation.TANH.getActivationFunction(), CNN2DFormat.NHWC);

    private static void assertSameAsConvolutionLayer(Spec spec) {
        MultiLayerNetwork theirs = spec.net(false, DataType.FLOAT);
        MultiLayerNetwork ours = spec.net(true, DataType.FLOAT);
        assertInstanceOf(Convolution2DLayer.class, ours.getLayer(0));
        assertEquals(theirs.params(), ours.params(), "same seed, same initialisation");
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, spec.inShape(3)).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 3, 2).subi(0.5);
        INDArray[] t = TransposedConvolution2DTest.run(theirs, x, eps);
        INDArray[] o = TransposedConvolution2DTest.run(ours, x, eps);
        String[] what = {"output", "input gradient", "parameter gradient"};
        for (int i = 0; i < 3; i++) {
            double e = TransposedConvolution2DTest.relErr(t[i], o[i]);
            assertTrue(e < 1e-6, spec + " " + what[i] + ": relative max error " + e);
        }
        // a second backward pass after the same forward pass recomputes (the cache is used once): same again
        INDArray again = ours.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertTrue(TransposedConvolution2DTest.relErr(t[1], again) < 1e-6, spec + " second backward pass");
        assertTrue(TransposedConvolution2DTest.relErr(t[2], ours.getGradientsViewArray()) < 1e-6,
                spec + " second backward pass, parameters");
    }

    @Test
    void matchesConvolutionLayer() {
        assertSameAsConvolutionLayer(DCGAN_D1);
        assertSameAsConvolutionLayer(DCGAN_D2);
        assertSameAsConvolutionLayer(RADFORD);
        assertSameAsConvolutionLayer(NHWC_TANH);
    }

    @Test
    void backwardAfterAnotherForwardUsesTheNewInput() {
        MultiLayerNetwork theirs = DCGAN_D2.net(false, DataType.FLOAT);
        MultiLayerNetwork ours = DCGAN_D2.net(true, DataType.FLOAT);
        INDArray x1 = Nd4j.rand(DataType.FLOAT, DCGAN_D2.inShape(2)).subi(0.5);
        INDArray x2 = Nd4j.rand(DataType.FLOAT, DCGAN_D2.inShape(2)).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 2, 2).subi(0.5);
        ours.setInput(x1);
        ours.feedForward(true, false);
        ours.output(x2); // inference pass: no cache, and the layers now hold x2
        ours.setInput(x2);
        List<INDArray> acts = ours.feedForward(true, false);
        INDArray[] t = TransposedConvolution2DTest.run(theirs, x2, eps);
        INDArray dx = ours.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertTrue(TransposedConvolution2DTest.relErr(t[0], acts.get(acts.size() - 1)) < 1e-6);
        assertTrue(TransposedConvolution2DTest.relErr(t[1], dx) < 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Spec spec : new Spec[] {
            new Spec(2, 3, 5, 3, 2, 0, ConvolutionMode.Same, true, new LeakyReLU(0.3), CNN2DFormat.NCHW),
            new Spec(2, 2, 4, 3, 1, 1, ConvolutionMode.Truncate, true, Activation.TANH.getActivationFunction(), CNN2DFormat.NHWC)}) {
            MultiLayerNetwork net = spec.net(true, DataType.DOUBLE);
            Nd4j.getRandom().setSeed(3);
            INDArray x = Nd4j.rand(DataType.DOUBLE, spec.inShape(2)).subi(0.5);
            INDArray r = Nd4j.rand(DataType.DOUBLE, 2, 2).subi(0.5);
            INDArray[] analytic = TransposedConvolution2DTest.run(net, x, r);
            TransposedConvolution2DTest.checkAgainstFiniteDifferences(net, x, r, net.params(), analytic[2], spec + " parameter ");
            TransposedConvolution2DTest.checkAgainstFiniteDifferences(net, x, r, x.reshape(x.length()),
                    analytic[1].reshape(x.length()), spec + " input ");
        }
    }

    @Test
    void roundTripsThroughJsonAndModelSerializer() throws IOException {
        MultiLayerNetwork net = DCGAN_D1.net(true, DataType.FLOAT);
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), fromJson);
        assertInstanceOf(Convolution2D.class, fromJson.getConf(0).getLayer());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(Convolution2DLayer.class, restored.getLayer(0));
        INDArray x = Nd4j.rand(DataType.FLOAT, DCGAN_D1.inShape(2));
        assertEquals(net.output(x), restored.output(x));
    }
}
