package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class BatchNormTest {

    private static MultiLayerNetwork net(boolean ours, boolean logStd, InputType in, DataType type) {
        BatchNormalization.Builder b = ours ? new BatchNorm.Builder() : new BatchNormalization.Builder();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(type).updater(new Sgd(0.1))
                .list().layer(b.decay(0.99).eps(1e-3).useLogStd(logStd).build())
                .setInputType(in).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // non-trivial gamma, beta and running statistics (parameter order: gamma, beta, mean, var or log10 std)
        Nd4j.getRandom().setSeed(2);
        INDArray p = net.params();
        p.assign(Nd4j.rand(type, p.shape()).addi(0.5));
        return net;
    }

    /** Training output, input gradient, gradient view, and the parameters after one SGD step. */
    private static INDArray[] step(MultiLayerNetwork net, INDArray x, INDArray eps) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, false);
        INDArray out = acts.get(acts.size() - 1).dup();
        Pair<Gradient, INDArray> p = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        INDArray dx = p.getSecond().dup();
        INDArray grads = net.getGradientsViewArray().dup();
        net.getUpdater().update(net, p.getFirst(), 0, 0, (int) x.size(0), LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(net.getGradientsViewArray().reshape(net.params().shape()));
        return new INDArray[] {out, dx, grads, net.params().dup()};
    }

    private static void assertSameAsDl4j(boolean logStd, InputType in, long[] shape) {
        MultiLayerNetwork theirs = net(false, logStd, in, DataType.FLOAT);
        MultiLayerNetwork ours = net(true, logStd, in, DataType.FLOAT);
        assertInstanceOf(BatchNormLayer.class, ours.getLayer(0));
        assertEquals(theirs.params(), ours.params());
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(2).addi(0.7);
        INDArray eps = Nd4j.randn(DataType.FLOAT, shape);
        INDArray[] t = step(theirs, x, eps);
        INDArray[] o = step(ours, x, eps);
        String[] what = {"output", "input gradient", "gradients (gamma, beta, running statistics)", "parameters after a step"};
        for (int i = 0; i < 4; i++) {
            double e = TransposedConvolution2DTest.relErr(t[i], o[i]);
            assertTrue(e < 2e-5, "logStd " + logStd + " " + in + " " + what[i] + ": relative max error " + e);
        }
        // inference with the updated running statistics
        assertTrue(TransposedConvolution2DTest.relErr(theirs.output(x), ours.output(x)) < 2e-5, "inference");
    }

    @Test
    void matchesDl4jOnDenseInput() {
        assertSameAsDl4j(true, InputType.feedForward(300), new long[] {16, 300});
        assertSameAsDl4j(false, InputType.feedForward(300), new long[] {16, 300});
    }

    @Test
    void matchesDl4jOnConvolutionalInput() {
        assertSameAsDl4j(true, InputType.convolutional(5, 6, 3), new long[] {4, 3, 5, 6});
        assertSameAsDl4j(false, InputType.convolutional(5, 6, 3, CNN2DFormat.NHWC), new long[] {4, 5, 6, 3});
    }

    /** Central finite differences in double precision of L = sum(r * BN_train(x)) for gamma, beta and every input. */
    @Test
    void gradientsMatchFiniteDifferences() {
        checkFiniteDifferences(InputType.feedForward(4), new long[] {5, 4});
        checkFiniteDifferences(InputType.convolutional(2, 3, 4), new long[] {2, 4, 2, 3});
    }

    private static void checkFiniteDifferences(InputType in, long[] shape) {
        MultiLayerNetwork net = net(true, true, in, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.DOUBLE, shape);
        INDArray r = Nd4j.randn(DataType.DOUBLE, shape);
        INDArray[] analytic = TransposedConvolution2DTest.run(net, x, r);
        INDArray gammaBeta = net.params().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)); // 4 channels
        TransposedConvolution2DTest.checkAgainstFiniteDifferences(() -> trainingLoss(net, x, r), gammaBeta,
                analytic[2], "gamma/beta ");
        TransposedConvolution2DTest.checkAgainstFiniteDifferences(() -> trainingLoss(net, x, r), x.reshape(x.length()),
                analytic[1].reshape(x.length()), "input ");
    }

    private static double trainingLoss(MultiLayerNetwork net, INDArray x, INDArray r) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, true);
        return acts.get(acts.size() - 1).mul(r).sumNumber().doubleValue();
    }

    @Test
    void roundTripsThroughJsonAndModelSerializer() throws IOException {
        MultiLayerNetwork net = net(true, true, InputType.feedForward(6), DataType.FLOAT);
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), fromJson);
        BatchNormalization layer = (BatchNormalization) fromJson.getConf(0).getLayer();
        assertInstanceOf(BatchNorm.class, layer);
        assertEquals(0.99, layer.getDecay());
        assertEquals(1e-3, layer.getEps());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(BatchNormLayer.class, restored.getLayer(0));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 6);
        assertEquals(net.output(x), restored.output(x));
    }
}
