package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SuperResolutionLayersTest {

    @Test
    void pixelShuffleFollowsPytorchOrderAndInverts() {
        int r = 2;
        INDArray in = Nd4j.arange(2 * 8 * 3 * 2).castTo(DataType.DOUBLE).reshape('c', 2, 8, 3, 2);
        INDArray out = PixelShuffleImpl.shuffle(in, r);
        assertArrayEquals(new long[] {2, 2, 6, 4}, out.shape());
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                for (int h = 0; h < 3; h++) {
                    for (int w = 0; w < 2; w++) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < r; j++) {
                                assertEquals(in.getDouble(n, c * r * r + i * r + j, h, w),
                                        out.getDouble(n, c, h * r + i, w * r + j), 0);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(in, PixelShuffleImpl.unshuffle(out, r));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void channelPReLUPassesDl4jGradientCheckAtAnySize(boolean shared) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4)
                .dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder().nOut(3).kernelSize(3, 3).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.IDENTITY).build())
                .layer(new ChannelPReLU(3, shared))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(4, 4, 2))
                .build());
        net.init();
        assertEquals(shared ? 1 : 3, net.getLayer(1).numParams());
        assertEquals(0.25, net.getLayer(1).getParam("alpha").getDouble(0), 0);
        net.getLayer(1).getParam("alpha").assign(Nd4j.linspace(DataType.DOUBLE, 0.1, 0.3, shared ? 1 : 3));
        INDArray x = Nd4j.linspace(DataType.DOUBLE, -1, 1.3, 2 * 2 * 5 * 3).reshape(2, 2, 5, 3);
        INDArray y = Nd4j.linspace(DataType.DOUBLE, 0.5, -0.4, 2 * 3 * 5 * 3).reshape(2, 3, 5, 3);
        assertTrue(gradientCheck(net, x, y));
    }

    @Test
    void bicubicUpsamplingMatchesBicubicAndPassesGradientCheck() {
        double[] px = new double[2 * 3 * 5];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) % 11;
        }
        INDArray x = Nd4j.create(px, new long[] {1, 2, 3, 5}, 'c');
        INDArray up = BicubicUpsamplingImpl.apply(x, Nd4j.create(org.gan4j.core.image.Bicubic.matrix(3, 12)),
                Nd4j.create(org.gan4j.core.image.Bicubic.matrix(5, 20)));
        double[] expected = org.gan4j.core.image.Bicubic.resize(px, 2, 3, 5, 12, 20, false);
        assertArrayEquals(expected, up.dup('c').data().asDouble(), 1e-9);

        // the layer is linear in its input: its backward pass must be the exact adjoint,
        // <layer(x) - offset, r> = <x, backward(r)>, and carry the scale
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new BicubicUpsampling(2, 2.0, -1.0))
                .setInputType(InputType.convolutional(3, 4, 2))
                .build());
        net.init();
        Nd4j.getRandom().setSeed(2);
        INDArray in = Nd4j.rand(DataType.DOUBLE, 2, 2, 3, 4);
        INDArray r = Nd4j.rand(DataType.DOUBLE, 2, 2, 6, 8);
        INDArray y = net.output(in);
        assertArrayEquals(new long[] {2, 2, 6, 8}, y.shape());
        net.setInput(in);
        net.feedForward(true, false);
        INDArray back = net.backpropGradient(r, null).getSecond();
        double lhs = y.add(1.0).mul(r).sumNumber().doubleValue();
        double rhs = in.mul(back).sumNumber().doubleValue();
        assertEquals(lhs, rhs, 1e-9 * Math.abs(lhs));
        // a constant image stays constant (weights sum to 1): 0.5 -> 2 * 0.5 - 1 = 0
        assertEquals(0, net.output(Nd4j.valueArrayOf(new long[] {1, 2, 3, 4}, 0.5)).amaxNumber().doubleValue(), 1e-12);
    }

    /** DL4J's gradient check in double precision (GradientCheckUtil insists on the default type too). */
    private static boolean gradientCheck(MultiLayerNetwork net, INDArray x, INDArray y) {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    private static MultiLayerConfiguration convShuffle() {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).updater(new NoOp())
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder().nOut(8).kernelSize(3, 3).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.TANH).build())
                .layer(new PixelShuffle(2))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(4, 5, 2))
                .build();
    }

    @Test
    void pixelShufflePassesDl4jGradientCheck() {
        MultiLayerNetwork net = new MultiLayerNetwork(convShuffle());
        net.init();
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 4, 5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 2, 2, 8, 10);
        assertArrayEquals(new long[] {2, 2, 8, 10}, net.output(x).shape());
        assertTrue(gradientCheck(net, x, y));
    }

    @Test
    void pixelShuffleNetworkSavesAndLoadsAndTakesAnySize() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(convShuffle());
        net.init();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 7, 3);
        assertEquals(net.output(x), back.output(x));
        assertArrayEquals(new long[] {1, 2, 14, 6}, back.output(x).shape());
    }
}
