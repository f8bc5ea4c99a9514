package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

class InvertedDropoutTest {

    private static MultiLayerNetwork net(IDropout dropout) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new DropoutLayer.Builder(dropout).build())
                .setInputType(InputType.feedForward(1000)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Training output and input gradient (for output gradient eps) of a network of one dropout layer. */
    private static INDArray[] run(MultiLayerNetwork net, INDArray x, INDArray eps) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(true, false);
        INDArray out = acts.get(acts.size() - 1).dup();
        INDArray dx = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond().dup();
        return new INDArray[] {out, dx};
    }

    @Test
    void keepsActivationsWithProbabilityPScaledBy1OverPLikeDl4j() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 100, 1000).addi(0.5); // no zeros
        INDArray eps = Nd4j.rand(DataType.FLOAT, 100, 1000).addi(0.5);
        for (IDropout d : new IDropout[] {new InvertedDropout(0.7), new Dropout(0.7)}) {
            INDArray[] r = run(net(d), x, eps);
            INDArray out = r[0];
            double kept = 1.0 - out.scan(Conditions.equals(0.0)).doubleValue() / out.length();
            assertEquals(0.7, kept, 0.005, d + ": kept fraction");
            // every entry is 0 or x / p
            INDArray ratio = out.div(x);
            INDArray offBy = Transforms.min(Transforms.abs(ratio), Transforms.abs(ratio.sub(1 / 0.7)));
            assertEquals(0.0, offBy.amaxNumber().doubleValue(), 1e-5, d + ": entries are 0 or x / p");
            // the input gradient uses the forward pass's mask: d(sum eps * out)/dx = eps * out / x
            assertEquals(0.0, r[1].sub(eps.mul(ratio)).amaxNumber().doubleValue(), 1e-5, d + ": input gradient");
        }
    }

    @Test
    void retainProbabilityOneIsIdentityAndMasksDifferBetweenPasses() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1000).addi(0.5);
        assertEquals(x, run(net(new InvertedDropout(1.0)), x, x)[0]);
        MultiLayerNetwork net = net(new InvertedDropout(0.5));
        assertTrue(!run(net, x, x)[0].equals(run(net, x, x)[0]), "a new mask per forward pass");
    }

    @Test
    void roundTripsThroughJson() {
        MultiLayerNetwork net = net(new InvertedDropout(0.7));
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), fromJson);
        IDropout d = fromJson.getConf(0).getLayer().getIDropout();
        assertInstanceOf(InvertedDropout.class, d);
        assertEquals(0.7, ((InvertedDropout) d).getP());
    }

    @Test
    void rejectsProbabilitiesOutsideZeroOne() {
        for (double p : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InvertedDropout(p));
            assertTrue(e.getMessage().contains("KEEPING"), e.getMessage());
        }
    }
}
