package org.gan4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Values, finite-difference gradients (double precision) and serialisation of the custom layers. */
class LayersTest {
    private static final double H = 1e-6;

    @TempDir
    Path dir;

    /** [2, 3, 5, 6] input, a 3x3 convolution after the layer under test so the upstream gradient is not trivial. */
    private static MultiLayerNetwork net(Layer layer, long seed) {
        MultiLayerNetwork n = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(layer)
                .layer(new ConvolutionLayer.Builder().nOut(2).kernelSize(3, 3).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.TANH).build())
                .setInputType(InputType.convolutional(5, 6, 3)).build());
        n.init();
        return n;
    }

    private static INDArray randn(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    /** Max relative error between analytic and central-difference gradients of sum(f(x) * r), over x and params. */
    private static void checkGradients(MultiLayerNetwork n) {
        INDArray x = randn(1, 2, 3, 5, 6).muli(2).addi(0.3);
        INDArray r = randn(2, n.output(x).shape());
        Function<INDArray, Double> loss = in -> n.output(in, false).mul(r).sumNumber().doubleValue();
        n.setInput(x);
        n.feedForward(true, false);
        var p = n.backpropGradient(r, LayerWorkspaceMgr.noWorkspaces());
        INDArray dx = p.getSecond().dup();
        INDArray dp = n.getGradientsViewArray().dup();
        assertFiniteDifferences(x, dx, 7, () -> loss.apply(x), "input gradient");
        assertFiniteDifferences(n.params(), dp, 3, () -> loss.apply(x), "parameter gradient");
    }

    /** Central differences of {@code loss} w.r.t. every {@code stride}-th element of {@code vars} (changed in place and restored). */
    private static void assertFiniteDifferences(INDArray vars, INDArray analytic, int stride,
                                                java.util.function.DoubleSupplier loss, String what) {
        for (long i = 0; i < vars.length(); i += stride) {
            double v = vars.getDouble(i);
            vars.putScalar(i, v + H);
            double up = loss.getAsDouble();
            vars.putScalar(i, v - H);
            double down = loss.getAsDouble();
            vars.putScalar(i, v);
            assertClose((up - down) / (2 * H), analytic.getDouble(i), what + " " + i);
        }
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double err = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
        assertTrue(err < 1e-5, what + ": numeric " + numeric + " vs analytic " + analytic);
    }

    @Test
    void instanceNormNormalisesEachChannelOfEachExample() {
        MultiLayerNetwork n = net(InstanceNormalization.builder().build(), 1);
        INDArray x = randn(3, 2, 3, 5, 6).muli(4).addi(7);
        INDArray y = n.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
        INDArray mean = y.mean(2, 3);
        INDArray var = y.var(false, 2, 3);
        assertEquals(0, mean.amaxNumber().doubleValue(), 1e-9);
        assertEquals(1, var.minNumber().doubleValue(), 1e-4);
        assertEquals(1, var.maxNumber().doubleValue(), 1e-4);
        assertEquals(n.getLayer(1).numParams(), n.numParams(), "no parameters without affine");
    }

    @Test
    void instanceNormGradients() {
        checkGradients(net(InstanceNormalization.builder().build(), 2));
    }

    @Test
    void affineInstanceNormGradients() {
        MultiLayerNetwork n = net(InstanceNormalization.builder().affine(true).build(), 3);
        assertEquals(6, n.getLayer(0).numParams());
        // move gamma and beta away from 1 and 0 so their gradients are exercised in general position
        n.getLayer(0).params().assign(randn(4, 1, 6));
        checkGradients(n);
    }

    @Test
    void reflectionPadValuesMatchPyTorch() {
        MultiLayerNetwork n = net(new ReflectionPadding2D(1, 2, 2, 1), 1);
        INDArray x = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(1, 1, 3, 4);
        INDArray y = n.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
        // torch.nn.ReflectionPad2d((2, 1, 1, 2))(torch.arange(12.).view(1, 1, 3, 4))
        double[][] expected = {
            {6, 5, 4, 5, 6, 7, 6},
            {2, 1, 0, 1, 2, 3, 2},
            {6, 5, 4, 5, 6, 7, 6},
            {10, 9, 8, 9, 10, 11, 10},
            {6, 5, 4, 5, 6, 7, 6},
            {2, 1, 0, 1, 2, 3, 2}};
        assertArrayEquals(new long[] {1, 1, 6, 7}, y.shape());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], y.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(i))
                    .toDoubleVector(), 0, "row " + i);
        }
    }

    @Test
    void reflectionPadGradients() {
        checkGradients(net(new ReflectionPadding2D(2, 1, 3, 2), 4));
    }

    /**
     * The layer's forward and backward passes against the formulas written out with ND4J's reductions over
     * [N, C, H, W], both from the statistics its training forward pass keeps and recomputed for another input.
     */
    @Test
    void instanceNormMatchesTheFormulasWithAndWithoutItsKeptStatistics() {
        for (boolean affine : new boolean[] {false, true}) {
            MultiLayerNetwork n = net(InstanceNormalization.builder().affine(affine).eps(1e-3).build(), 11);
            n.initGradientsView();
            org.deeplearning4j.nn.api.Layer layer = n.getLayer(0);
            INDArray gamma = affine ? randn(12, 1, 3, 1, 1) : Nd4j.ones(DataType.DOUBLE, 1, 3, 1, 1);
            INDArray beta = affine ? randn(13, 1, 3, 1, 1) : Nd4j.zeros(DataType.DOUBLE, 1, 3, 1, 1);
            if (affine) {
                layer.getParam("gamma").assign(gamma.reshape(1, 3));
                layer.getParam("beta").assign(beta.reshape(1, 3));
            }
            INDArray x = randn(14, 2, 3, 5, 6).muli(3).addi(1);
            INDArray g = randn(15, 2, 3, 5, 6);
            INDArray std = org.nd4j.linalg.ops.transforms.Transforms.sqrt(x.var(false, 2, 3).addi(1e-3)).reshape(2, 3, 1, 1);
            INDArray xHat = x.sub(x.mean(2, 3).reshape(2, 3, 1, 1)).divi(std);
            INDArray y = xHat.mul(gamma).addi(beta);
            INDArray gh = g.mul(gamma);
            INDArray dx = gh.sub(gh.mean(2, 3).reshape(2, 3, 1, 1))
                    .subi(xHat.mul(gh.mul(xHat).mean(2, 3).reshape(2, 3, 1, 1))).divi(std);
            INDArray dGamma = g.mul(xHat).sum(0, 2, 3);
            INDArray dBeta = g.sum(0, 2, 3);

            LayerWorkspaceMgr ws = LayerWorkspaceMgr.noWorkspaces();
            assertMaxDiff(y, layer.activate(x, true, ws), "output, affine " + affine);
            for (String path : new String[] {"kept statistics", "recomputed statistics"}) {
                var back = layer.backpropGradient(g, ws);
                assertMaxDiff(dx, back.getSecond(), "input gradient, " + path + ", affine " + affine);
                if (affine) {
                    assertMaxDiff(dGamma, back.getFirst().getGradientFor("gamma").reshape(3), "dGamma, " + path);
                    assertMaxDiff(dBeta, back.getFirst().getGradientFor("beta").reshape(3), "dBeta, " + path);
                }
                // a forward pass on another input in between: the backward pass on x must not use its statistics
                layer.activate(x.add(1).muli(2), true, ws);
                layer.setInput(x, ws);
            }
        }
    }

    private static void assertMaxDiff(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff < 1e-12, what + ": max difference " + diff);
    }

    /** Padded values against the reflection index formula, including sides without padding. */
    @Test
    void reflectionPadMatchesTheIndexFormula() {
        int[][] pads = {{0, 3, 1, 0}, {3, 0, 0, 4}, {1, 1, 1, 1}, {4, 2, 5, 3}};
        INDArray x = randn(16, 2, 3, 5, 6);
        for (int[] p : pads) {
            INDArray y = net(new ReflectionPadding2D(p[0], p[1], p[2], p[3]), 1).getLayer(0)
                    .activate(x, true, LayerWorkspaceMgr.noWorkspaces());
            assertArrayEquals(new long[] {2, 3, 5 + p[0] + p[1], 6 + p[2] + p[3]}, y.shape());
            for (int i = 0; i < y.size(2); i++) {
                for (int j = 0; j < y.size(3); j++) {
                    int si = reflect(i - p[0], 5);
                    int sj = reflect(j - p[2], 6);
                    for (int e = 0; e < 2; e++) {
                        for (int c = 0; c < 3; c++) {
                            assertEquals(x.getDouble(e, c, si, sj), y.getDouble(e, c, i, j), 0, java.util.Arrays.toString(p));
                        }
                    }
                }
            }
        }
    }

    private static int reflect(int i, int n) {
        return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
    }

    @Test
    void reflectionPadGradientsWithUnpaddedSides() {
        checkGradients(net(new ReflectionPadding2D(0, 3, 1, 0), 5));
        checkGradients(net(new ReflectionPadding2D(4, 0, 0, 5), 6));
    }

    @Test
    void reflectionPadRejectsPadsAsLargeAsTheInput() {
        assertThrows(IllegalStateException.class, () -> net(new ReflectionPadding2D(5), 1));
        assertThrows(IllegalArgumentException.class, () -> new ReflectionPadding2D(-1));
    }

    @Test
    void networksWithTheLayersRoundTripThroughModelSerializer() throws Exception {
        MultiLayerNetwork n = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1)).list()
                .layer(new ReflectionPadding2D(1))
                .layer(new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3).build())
                .layer(InstanceNormalization.builder().affine(true).eps(1e-3).build())
                .layer(InstanceNormalization.builder().build())
                .setInputType(InputType.convolutional(5, 6, 3)).build());
        n.init();
        n.getLayer(2).params().assign(randn(6, 1, 8));
        File f = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(n, f, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertEquals(n.getLayerWiseConfigurations().toJson(), back.getLayerWiseConfigurations().toJson());
        INDArray x = randn(7, 2, 3, 5, 6);
        assertEquals(n.output(x), back.output(x));
        InstanceNormalization in = (InstanceNormalization) back.getLayer(2).conf().getLayer();
        assertTrue(in.isAffine());
        assertEquals(1e-3, in.getEps());
    }

    private static ComputationGraph tappedGraph(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER).updater(new Sgd(0.1)).graphBuilder()
                .addInputs("in")
                .addLayer("tap", new InputGradientTap(), "in")
                .addLayer("pad", new ReflectionPadding2D(1), "tap")
                .addLayer("conv", new ConvolutionLayer.Builder().nOut(3).kernelSize(3, 3)
                        .activation(Activation.TANH).build(), "pad")
                .addLayer("norm", InstanceNormalization.builder().affine(true).build(), "conv")
                .addVertex("skip", new org.deeplearning4j.nn.conf.graph.ElementWiseVertex(
                        org.deeplearning4j.nn.conf.graph.ElementWiseVertex.Op.Add), "norm", "tap")
                .setOutputs("skip")
                .setInputTypes(InputType.convolutional(5, 6, 3)).build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    @Test
    void tapGivesTheGraphInputGradient() {
        ComputationGraph g = tappedGraph(8);
        assertTrue(InputGradientTap.isTapped(g));
        INDArray x = randn(1, 2, 3, 5, 6);
        INDArray r = randn(2, 2, 3, 5, 6);
        g.feedForward(new INDArray[] {x}, true, false);
        assertNull(InputGradientTap.lastGradient(g));
        g.backpropGradient(r);
        INDArray dx = InputGradientTap.lastGradient(g);
        assertArrayEquals(x.shape(), dx.shape());
        assertFiniteDifferences(x, dx, 5, () -> g.outputSingle(false, x).mul(r).sumNumber().doubleValue(), "input gradient");
    }

    @Test
    void tapRoundTripsAndUntappedGraphsAreRecognised() throws Exception {
        ComputationGraph g = tappedGraph(9);
        File f = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(g, f, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(f, true);
        assertTrue(InputGradientTap.isTapped(back));
        INDArray x = randn(3, 1, 3, 5, 6);
        assertEquals(g.outputSingle(x), back.outputSingle(x));

        ComputationGraph plain = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in").addLayer("conv", new ConvolutionLayer.Builder().nIn(3).nOut(2).kernelSize(1, 1).build(), "in")
                .setOutputs("conv").build());
        plain.init();
        assertTrue(!InputGradientTap.isTapped(plain));
        assertThrows(IllegalArgumentException.class, () -> InputGradientTap.lastGradient(plain));
    }
}
