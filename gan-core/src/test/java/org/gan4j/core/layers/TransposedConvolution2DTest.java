package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TransposedConvolution2DTest {

    /** One transposed-convolution layer: geometry, and whether to build DL4J's layer or ours. */
    record Spec(int nIn, int nOut, int h, int k, int s, int p, ConvolutionMode mode, boolean bias, Activation act,
                CNN2DFormat format) {
        Deconvolution2D layer(boolean ours) {
            Deconvolution2D.Builder b = ours ? new TransposedConvolution2D.Builder() : new Deconvolution2D.Builder();
            b.nOut(nOut).kernelSize(k, k).stride(s, s).padding(p, p).convolutionMode(mode).hasBias(bias)
                    .activation(act).dataFormat(format);
            return b.build();
        }

        MultiLayerNetwork net(boolean ours, DataType type) {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(type)
                    .weightInit(WeightInit.XAVIER_UNIFORM).list().layer(layer(ours))
                    .setInputType(InputType.convolutional(h, h, nIn, format)).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            if (bias) { // non-zero biases so the bias path is exercised
                net.getLayer(0).getParam("b").assign(Nd4j.rand(type, 1, nOut).subi(0.5));
            }
            return net;
        }

        long[] inShape(int n) {
            return format == CNN2DFormat.NCHW ? new long[] {n, nIn, h, h} : new long[] {n, h, h, nIn};
        }
    }

    static final Spec DCGAN_1 = new Spec(256, 128, 7, 5, 1, 0, ConvolutionMode.Same, false, Activation.IDENTITY, CNN2DFormat.NCHW);
    static final Spec DCGAN_2 = new Spec(128, 64, 7, 5, 2, 0, ConvolutionMode.Same, false, Activation.IDENTITY, CNN2DFormat.NCHW);
    static final Spec DCGAN_3 = new Spec(64, 1, 14, 5, 2, 0, ConvolutionMode.Same, false, Activation.TANH, CNN2DFormat.NCHW);
    static final Spec PYTORCH_K4S2P1 = new Spec(16, 8, 8, 4, 2, 1, ConvolutionMode.Truncate, true, Activation.RELU, CNN2DFormat.NCHW);
    static final Spec NHWC_BIAS = new Spec(6, 5, 5, 3, 2, 0, ConvolutionMode.Same, true, Activation.TANH, CNN2DFormat.NHWC);
    static final Spec RADFORD_FIRST = new Spec(20, 8, 1, 4, 1, 0, ConvolutionMode.Truncate, false, Activation.IDENTITY, CNN2DFormat.NCHW);
    static final Spec STRIDE1_PAD = new Spec(5, 4, 6, 4, 1, 1, ConvolutionMode.Truncate, true, Activation.IDENTITY, CNN2DFormat.NHWC);
    static final Spec STRIDE3_PAD = new Spec(4, 3, 5, 5, 3, 2, ConvolutionMode.Truncate, true, Activation.IDENTITY, CNN2DFormat.NCHW);

    /** Output, input gradient and parameter gradient of a network of one layer, for output gradient eps. */
    static INDArray[] run(MultiLayerNetwork net, INDArray x, INDArray eps) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, false);
        INDArray out = acts.get(acts.size() - 1).dup();
        Pair<Gradient, INDArray> p = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        return new INDArray[] {out, p.getSecond().dup(), net.getGradientsViewArray().dup()};
    }

    static double relErr(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-12);
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    static void assertSameAsDeconvolution2D(Spec spec, int batch) {
        MultiLayerNetwork theirs = spec.net(false, DataType.FLOAT);
        MultiLayerNetwork ours = spec.net(true, DataType.FLOAT);
        assertInstanceOf(TransposedConvolution2DLayer.class, ours.getLayer(0));
        assertEquals(theirs.numParams(), ours.numParams());
        assertEquals(theirs.params(), ours.params(), "same seed, same initialisation");
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, spec.inShape(batch)).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, theirs.output(x).shape()).subi(0.5);
        INDArray[] t = run(theirs, x, eps);
        INDArray[] o = run(ours, x, eps);
        String[] what = {"output", "input gradient", "parameter gradient"};
        for (int i = 0; i < 3; i++) {
            double e = relErr(t[i], o[i]);
            assertTrue(e < 2e-5, spec + " " + what[i] + ": relative max error " + e);
        }
    }

    @Test
    void dcganLayersMatchDeconvolution2D() {
        assertSameAsDeconvolution2D(DCGAN_1, 4);
        assertSameAsDeconvolution2D(DCGAN_2, 4);
        assertSameAsDeconvolution2D(DCGAN_3, 4);
    }

    @Test
    void otherGeometriesMatchDeconvolution2D() {
        assertSameAsDeconvolution2D(PYTORCH_K4S2P1, 3);
        assertSameAsDeconvolution2D(NHWC_BIAS, 3);
        assertSameAsDeconvolution2D(STRIDE3_PAD, 2);
        assertSameAsDeconvolution2D(RADFORD_FIRST, 3);
        assertSameAsDeconvolution2D(STRIDE1_PAD, 2);
    }

    /** The forward pass's pre-activation is used by one backward pass; a second one recomputes it: same results. */
    @Test
    void secondBackwardPassAfterOneForwardPassMatches() {
        MultiLayerNetwork theirs = NHWC_BIAS.net(false, DataType.FLOAT);
        MultiLayerNetwork ours = NHWC_BIAS.net(true, DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.FLOAT, NHWC_BIAS.inShape(2)).subi(0.5);
        INDArray eps = Nd4j.rand(DataType.FLOAT, theirs.output(x).shape()).subi(0.5);
        INDArray[] t = run(theirs, x, eps);
        run(ours, x, eps);
        INDArray dx = ours.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertTrue(relErr(t[1], dx) < 2e-5, "input gradient");
        assertTrue(relErr(t[2], ours.getGradientsViewArray()) < 2e-5, "parameter gradient");
    }

    /** Central finite differences in double precision of L = sum(r * layer(x)), for every parameter and input. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (Spec spec : new Spec[] {
            new Spec(2, 3, 3, 3, 2, 0, ConvolutionMode.Same, true, Activation.TANH, CNN2DFormat.NCHW),
            new Spec(3, 2, 3, 4, 2, 1, ConvolutionMode.Truncate, true, Activation.TANH, CNN2DFormat.NCHW),
            new Spec(2, 2, 4, 5, 1, 0, ConvolutionMode.Same, false, Activation.IDENTITY, CNN2DFormat.NHWC),
            new Spec(2, 3, 3, 4, 1, 2, ConvolutionMode.Truncate, true, Activation.TANH, CNN2DFormat.NCHW)}) {
            MultiLayerNetwork net = spec.net(true, DataType.DOUBLE);
            Nd4j.getRandom().setSeed(3);
            INDArray x = Nd4j.rand(DataType.DOUBLE, spec.inShape(2)).subi(0.5);
            INDArray r = Nd4j.rand(DataType.DOUBLE, net.output(x).shape()).subi(0.5);
            INDArray[] analytic = run(net, x, r);
            checkAgainstFiniteDifferences(net, x, r, net.params(), analytic[2], spec + " parameter ");
            checkAgainstFiniteDifferences(net, x, r, x.reshape(x.length()), analytic[1].reshape(x.length()), spec + " input ");
        }
    }

    /** Perturbs each element of {@code values} (a view into the parameters or the input) in turn. */
    static void checkAgainstFiniteDifferences(MultiLayerNetwork net, INDArray x, INDArray r, INDArray values,
                                              INDArray analytic, String what) {
        checkAgainstFiniteDifferences(() -> net.output(x).mul(r).sumNumber().doubleValue(), values, analytic, what);
    }

    /** Central differences of {@code loss} for each element of {@code values} (a view it reads) in turn. */
    static void checkAgainstFiniteDifferences(DoubleSupplier loss, INDArray values, INDArray analytic, String what) {
        double h = 1e-6;
        for (long i = 0; i < values.length(); i++) {
            double v = values.getDouble(i);
            values.putScalar(i, v + h);
            double up = loss.getAsDouble();
            values.putScalar(i, v - h);
            double down = loss.getAsDouble();
            values.putScalar(i, v);
            assertClose((up - down) / (2 * h), analytic.getDouble(i), what + i);
        }
    }

    static void assertClose(double numeric, double analytic, String what) {
        double err = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
        assertTrue(err < 1e-6, what + ": numeric " + numeric + " vs analytic " + analytic);
    }

    @Test
    void roundTripsThroughJsonAndModelSerializer() throws IOException {
        MultiLayerNetwork net = PYTORCH_K4S2P1.net(true, DataType.FLOAT);
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), fromJson);
        assertInstanceOf(TransposedConvolution2D.class, fromJson.getConf(0).getLayer());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(TransposedConvolution2DLayer.class, restored.getLayer(0));
        assertEquals(net.params(), restored.params());
        INDArray x = Nd4j.rand(DataType.FLOAT, PYTORCH_K4S2P1.inShape(2));
        assertEquals(net.output(x), restored.output(x));
    }
}
