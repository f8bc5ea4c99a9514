package org.gan4j.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.models.nets.PatchGan;
import org.gan4j.models.nets.ResnetGenerator;
import org.gan4j.models.nets.UnetGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** Shapes and parameter counts of the image-to-image networks against the reference PyTorch models. */
class NetworksTest {
    private static final Adam ADAM = new Adam(2e-4, 0.5, 0.999, 1e-8);

    /** Parameters from the configuration alone (no 200 MB arrays for the 54 M U-Net). */
    private static long count(ComputationGraphConfiguration conf) {
        long n = 0;
        for (var v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                var l = lv.getLayerConf().getLayer();
                n += l.initializer().numParams(l);
            }
        }
        return n;
    }

    /** The reference U-Net's count; {@code perNormChannel} = 2 in PyTorch (affine), 4 in DL4J (+ running stats). */
    private static long unetCount(int depth, int ngf, int in, int out, int perNormChannel) {
        long n = (long) in * UnetGenerator.filters(ngf, 1) * 16;
        for (int k = 2; k <= depth; k++) {
            n += (long) UnetGenerator.filters(ngf, k - 1) * UnetGenerator.filters(ngf, k) * 16;
            if (k < depth) {
                n += (long) perNormChannel * UnetGenerator.filters(ngf, k);
            }
        }
        n += (long) UnetGenerator.filters(ngf, depth) * UnetGenerator.filters(ngf, depth - 1) * 16
                + (long) perNormChannel * UnetGenerator.filters(ngf, depth - 1);
        for (int k = depth - 1; k >= 2; k--) {
            n += 2L * UnetGenerator.filters(ngf, k) * UnetGenerator.filters(ngf, k - 1) * 16
                    + (long) perNormChannel * UnetGenerator.filters(ngf, k - 1);
        }
        return n + 2L * UnetGenerator.filters(ngf, 1) * out * 16 + out;
    }

    @Test
    void unet256HasThePaperParameterCount() {
        // pix2pix's unet_256 (ngf 64, batch norm), counted layer by layer from the reference code:
        // convolutions 54,404,099 + 4,928 batch-norm channels x 2 = 54,413,955 ("54.414 M" in its log)
        assertEquals(54_413_955L, unetCount(8, 64, 3, 3, 2));
        var conf = UnetGenerator.config(8, 64, 3, 3, 256, 1, ADAM, DataType.FLOAT);
        assertEquals(unetCount(8, 64, 3, 3, 4), count(conf));
        assertEquals(unetCount(7, 64, 3, 3, 4), count(UnetGenerator.config(7, 64, 3, 3, 128, 1, ADAM, DataType.FLOAT)));
    }

    @Test
    void smallUnetShapesAndTestTimeDropout() {
        ComputationGraph g = new ComputationGraph(UnetGenerator.config(6, 4, 1, 3, 64, 2, ADAM, DataType.FLOAT));
        g.init();
        assertEquals(unetCount(6, 4, 1, 3, 4), g.numParams());
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 64, 64);
        INDArray y = g.outputSingle(false, x);
        assertArrayEquals(new long[] {2, 3, 64, 64}, y.shape());
        assertEquals(1.0, y.amaxNumber().doubleValue(), 1.0, "tanh output");
        // level 5 of 6 has dropout: training-mode outputs differ, inference is deterministic
        assertNotEquals(g.outputSingle(true, x), g.outputSingle(true, x));
        assertEquals(y, g.outputSingle(false, x));
        assertThrows(IllegalArgumentException.class, () -> UnetGenerator.config(6, 4, 3, 3, 96, 1, ADAM, DataType.FLOAT));
    }

    @Test
    void resnet9At256HasTheCycleGanParameterCount() {
        // CycleGAN's resnet_9blocks (ngf 64, instance norm without affine): 11,378,179 parameters
        assertEquals(11_378_179L, count(ResnetGenerator.config(9, 64, 3, 3, 256, false, 1, ADAM, DataType.FLOAT)));
        // resnet_6blocks: 7,837,699
        assertEquals(7_837_699L, count(ResnetGenerator.config(6, 64, 3, 3, 256, false, 1, ADAM, DataType.FLOAT)));
    }

    @Test
    void smallResnetShapesWithBothUpsamplings() {
        for (boolean resize : new boolean[] {false, true}) {
            ComputationGraph g = new ComputationGraph(ResnetGenerator.config(2, 4, 3, 1, 24, resize, 3, ADAM, DataType.FLOAT));
            g.init();
            INDArray y = g.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 3, 24, 24));
            assertArrayEquals(new long[] {2, 1, 24, 24}, y.shape(), "resizeConv " + resize);
        }
    }

    @Test
    void patchGan70HasThePaperShapeAndCount() {
        // pix2pix's basic D (n_layers 3, ndf 64) on concat(A, B): convolutions 2,766,913 + 896 batch-norm
        // channels x 2 = 2,768,705 in PyTorch ("2.769 M"); DL4J also counts the running mean and variance
        MultiLayerNetwork d = new MultiLayerNetwork(PatchGan.config(3, 64, 6, 256, PatchGan.Norm.BATCH, 1, ADAM, DataType.FLOAT));
        d.init();
        assertEquals(2_768_705L + 2 * (128 + 256 + 512), d.numParams());
        assertEquals(30, PatchGan.outputSize(3, 256));
        assertArrayEquals(new long[] {1, 1, 30, 30}, d.output(Nd4j.rand(DataType.FLOAT, 1, 6, 256, 256)).shape());
        MultiLayerNetwork small = new MultiLayerNetwork(PatchGan.config(2, 8, 6, 64, PatchGan.Norm.BATCH, 1, ADAM, DataType.FLOAT));
        small.init();
        assertArrayEquals(new long[] {2, 1, 14, 14}, small.output(Nd4j.rand(DataType.FLOAT, 2, 6, 64, 64)).shape());
        assertEquals(14, PatchGan.outputSize(2, 64));
    }

    @Test
    void patchGan70WithInstanceNormHasTheCycleGanCount() {
        // CycleGAN's basic D (n_layers 3, ndf 64, instance norm without affine, so every conv has a bias) on 3
        // channels: (3*64*16 + 64) + (64*128*16 + 128) + (128*256*16 + 256) + (256*512*16 + 512) + (512*16 + 1)
        assertEquals(3_136L + 131_200 + 524_544 + 2_097_664 + 8_193, 2_764_737L);
        MultiLayerNetwork d = new MultiLayerNetwork(PatchGan.config(3, 64, 3, 256, PatchGan.Norm.INSTANCE, 1, ADAM,
                DataType.FLOAT));
        d.init();
        assertEquals(2_764_737L, d.numParams());
        assertArrayEquals(new long[] {1, 1, 30, 30}, d.output(Nd4j.rand(DataType.FLOAT, 1, 3, 256, 256)).shape());
    }

    @Test
    void resnet9At256KeepsTheImageShape() {
        ComputationGraph g = new ComputationGraph(ResnetGenerator.config(9, 64, 3, 3, 256, false, 1, ADAM, DataType.FLOAT));
        g.init();
        assertEquals(11_378_179L, g.numParams(), "instance norm without affine adds no parameters");
        assertArrayEquals(new long[] {1, 3, 256, 256}, g.outputSingle(false, Nd4j.rand(DataType.FLOAT, 1, 3, 256, 256)).shape());
    }
}
