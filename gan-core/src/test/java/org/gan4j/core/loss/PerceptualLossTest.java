package org.gan4j.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class PerceptualLossTest {

    /** A tiny VGG-like classifier: conv-relu, conv-relu ("feat"), pool, dense, softmax output. */
    static ComputationGraph tinyVgg(boolean frozen) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("image")
                .addLayer("c1", new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "image")
                .addLayer("feat", new ConvolutionLayer.Builder().nOut(5).kernelSize(3, 3)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build(), "c1")
                .addLayer("pool", new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build(), "feat")
                .addLayer("fc", new DenseLayer.Builder().nOut(6).activation(Activation.RELU).build(), "pool")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "fc")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(6, 6, 3))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        if (frozen) {
            g = new TransferLearning.GraphBuilder(g).setFeatureExtractor("fc").build();
        }
        return g;
    }

    @ParameterizedTest
    @EnumSource(PerceptualLoss.InputScaling.class)
    void gradientMatchesFiniteDifferences(PerceptualLoss.InputScaling scaling) {
        ComputationGraph vgg = tinyVgg(false);
        INDArray before = vgg.params().dup();
        double scale = scaling == PerceptualLoss.InputScaling.CAFFE ? 0.01 : 0.7;
        PerceptualLoss loss = PerceptualLoss.of(vgg, "feat", scaling, scale);
        Nd4j.getRandom().setSeed(5);
        INDArray p = Nd4j.rand(DataType.DOUBLE, 2, 3, 6, 6).muli(2).subi(1);
        INDArray t = Nd4j.rand(DataType.DOUBLE, 2, 3, 6, 6).muli(2).subi(1);
        LossValue v = loss.compute(p, t);
        assertArrayEquals(p.shape(), v.gradient().shape());
        // value: MSE of the scaled features
        INDArray fp = vgg.feedForward(new INDArray[] {scaled(p, scaling)}, false).get("feat").mul(scale);
        INDArray ft = vgg.feedForward(new INDArray[] {scaled(t, scaling)}, false).get("feat").mul(scale);
        assertEquals(ReconstructionLoss.L2.compute(fp, ft).value(), v.value(), 1e-12);
        double h = 1e-6;
        for (int k = 0; k < 40; k++) {
            long i = (k * 37L) % p.length();
            double x0 = p.getDouble(i);
            p.putScalar(i, x0 + h);
            double up = loss.compute(p, t).value();
            p.putScalar(i, x0 - h);
            double down = loss.compute(p, t).value();
            p.putScalar(i, x0);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, v.gradient().getDouble(i), 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
        }
        assertEquals(before, vgg.params(), "the given network must not change");
    }

    private static INDArray scaled(INDArray x, PerceptualLoss.InputScaling s) {
        return switch (s) {
            case SIGNED -> x;
            case UNIT -> x.add(1).mul(0.5);
            case CAFFE -> {
                INDArray out = Nd4j.create(DataType.DOUBLE, x.shape());
                double[] mean = {103.939, 116.779, 123.68};
                for (int c = 0; c < 3; c++) {
                    out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(c))
                            .assign(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                    org.nd4j.linalg.indexing.NDArrayIndex.point(2 - c)).add(1).mul(127.5).sub(mean[c]));
                }
                yield out;
            }
        };
    }

    @Test
    void frozenLayersStillPassTheGradient() {
        // TransferLearning's feature extractor wraps layers in FrozenLayer (which stops backprop) and makes the
        // graph FLOAT: the gradient must equal the unfrozen network's up to float precision
        Nd4j.getRandom().setSeed(6);
        INDArray p = Nd4j.rand(DataType.DOUBLE, 2, 3, 6, 6).muli(2).subi(1);
        INDArray t = Nd4j.rand(DataType.DOUBLE, 2, 3, 6, 6).muli(2).subi(1);
        INDArray plain = PerceptualLoss.of(tinyVgg(false), "feat", PerceptualLoss.InputScaling.UNIT, 1).compute(p, t).gradient();
        INDArray frozen = PerceptualLoss.of(tinyVgg(true), "feat", PerceptualLoss.InputScaling.UNIT, 1).compute(p, t).gradient();
        double scale = plain.amaxNumber().doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(scale > 0);
        assertEquals(0, frozen.sub(plain).amaxNumber().doubleValue() / scale, 1e-4);
    }

    @Test
    void unknownLayerIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PerceptualLoss.of(tinyVgg(false), "block5_conv4", PerceptualLoss.InputScaling.UNIT, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("feat"), e.getMessage());
    }
}
