package org.gan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** {@link FeatureDiscriminator}: the input gradient of a loss on the output and on intermediate features. */
class FeatureDiscriminatorTest {

    /** conv(lrelu) -> conv -> BN(lrelu) -> conv(lrelu) -> conv: features are layers 2 and 3. */
    private static MultiLayerNetwork net() {
        var conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(new Adam(1e-2)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(4).activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(5).hasBias(false).build())
                .layer(new BatchNormalization.Builder().activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(3).activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(1).build())
                .setInputType(InputType.convolutional(9, 9, 2)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    /** sum(out * r) + sum_k sum(feature_k * s_k), on a training-mode forward pass (batch statistics). */
    private static double loss(MultiLayerNetwork n, INDArray x, INDArray r, INDArray s2, INDArray s3) {
        List<INDArray> acts = n.feedForward(x, true);
        return acts.get(5).mul(r).sumNumber().doubleValue() + acts.get(3).mul(s2).sumNumber().doubleValue()
                + acts.get(4).mul(s3).sumNumber().doubleValue();
    }

    @Test
    void inputGradientWithFeatureGradientsMatchesFiniteDifferences() {
        MultiLayerNetwork n = net();
        FeatureDiscriminator d = FeatureDiscriminator.of(n, 2, 3);
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 2, 9, 9);
        INDArray out = d.forward(x);
        List<INDArray> f = d.features();
        assertEquals(List.of(List.of(3L, 5L, 2L, 2L), List.of(3L, 3L, 2L, 2L)),
                f.stream().map(a -> Arrays.stream(a.shape()).boxed().toList()).toList());
        INDArray r = Nd4j.randn(DataType.DOUBLE, out.shape());
        INDArray s2 = Nd4j.randn(DataType.DOUBLE, f.get(0).shape());
        INDArray s3 = Nd4j.randn(DataType.DOUBLE, f.get(1).shape());
        INDArray params = n.params().dup();
        INDArray state = d.updaterState().dup();
        INDArray dx = d.inputGradient(r, List.of(s2, s3));
        assertEquals(params, n.params());
        assertEquals(state, d.updaterState());
        assertEquals(0, d.iteration());
        double h = 1e-6;
        for (long i = 0; i < x.length(); i += 5) {
            double v = x.getDouble(i);
            x.putScalar(i, v + h);
            double up = loss(n, x, r, s2, s3);
            x.putScalar(i, v - h);
            double down = loss(n, x, r, s2, s3);
            x.putScalar(i, v);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, dx.getDouble(i), 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
        }
        // null feature gradients: the plain output gradient
        d.forward(x);
        INDArray plain = d.inputGradient(r.dup());
        d.forward(x);
        assertEquals(plain, d.inputGradient(r.dup(), Arrays.asList(null, null)));
    }

    @Test
    void badFeatureArgumentsAreRejected() {
        MultiLayerNetwork n = net();
        assertThrows(IllegalArgumentException.class, () -> FeatureDiscriminator.of(n, 4));
        FeatureDiscriminator d = FeatureDiscriminator.of(n, 2);
        INDArray out = d.forward(Nd4j.rand(DataType.DOUBLE, 2, 2, 9, 9));
        assertThrows(IllegalArgumentException.class, () -> d.inputGradient(out, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> d.inputGradient(out, List.of(Nd4j.zeros(DataType.DOUBLE, 2, 1, 1, 1))));
    }
}
