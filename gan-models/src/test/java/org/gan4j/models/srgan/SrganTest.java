package org.gan4j.models.srgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.loss.PerceptualLoss;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SrganTest {
    @TempDir
    Path dir;

    /** Trainable parameters, i.e. without batch-norm running mean and variance (PyTorch's count). */
    private static long trainable(Network n) {
        long count = n.numParams();
        Layer[] layers = n.model() instanceof ComputationGraph g ? g.getLayers()
                : ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) n.model()).getLayers();
        for (Layer l : layers) {
            if (l instanceof BatchNormalization) {
                count -= l.numParams() - l.getParam("gamma").length() - l.getParam("beta").length();
            }
        }
        return count;
    }

    @Test
    void paperNetworksHaveThePublishedShapesAndSize() {
        Srgan v = Srgan.builder().build(1);
        Network g = v.generator();
        assertEquals(1_549_462, trainable(g)); // 16 blocks, 64 features, shared PReLU slopes
        assertEquals(1_549_462 + 33 * 2 * 64, g.numParams());
        assertArrayEquals(new long[] {2, 3, 28, 20}, g.output(Nd4j.rand(DataType.FLOAT, 2, 3, 7, 5)).shape());
        // D: 8 convs (64..512, stride 2 at 64, 128, 256, 512), 96 -> 6x6x512, Dense 1024, Dense 1
        long convs = 3 * 64 * 9 + 64 + 64 * 64 * 9 + 64 * 128 * 9 + 128 * 128 * 9 + 128 * 256 * 9 + 256 * 256 * 9
                + 256 * 512 * 9 + 512 * 512 * 9;
        long bn = 2 * (64 + 128 + 128 + 256 + 256 + 512 + 512);
        long dense = 6 * 6 * 512 * 1024 + 1024 + 1024 + 1;
        assertEquals(convs + bn + dense, trainable(v.discriminator()));
        assertArrayEquals(new long[] {2, 1}, v.discriminator().output(Nd4j.rand(DataType.FLOAT, 2, 3, 96, 96)).shape());
        assertEquals(96, v.config().containsKey("cropSize") ? Integer.parseInt(v.config().get("cropSize")) : -1);
    }

    static Srgan.Builder tiny() {
        return Srgan.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).discriminatorFilters(4)
                .discriminatorDense(8).learningRate(1e-3);
    }

    static Batch batch(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return new Batch(Nd4j.rand(DataType.FLOAT, n, 3, 4, 4), Nd4j.rand(DataType.FLOAT, n, 3, 16, 16).muli(2).subi(1));
    }

    @Test
    void srresnetStepTrainsTheGeneratorOnMse() {
        SrResNet v = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        INDArray before = v.generator().params().dup();
        Map<String, Double> losses = v.trainStep(batch(1, 4), new StepContext(1, 0, 0));
        assertEquals(java.util.List.of(SrResNet.LOSS_MSE), java.util.List.copyOf(losses.keySet()));
        assertTrue(losses.get(SrResNet.LOSS_MSE) > 0);
        assertNotEquals(before, v.generator().params());
        assertEquals(1, v.generator().iteration());
        assertEquals(java.util.List.of("generator"), java.util.List.copyOf(v.networks().keySet()));
    }

    @Test
    void srganStepUpdatesBothNetsAndWithoutAdversaryEqualsSrresnet() {
        Srgan v = tiny().build(3);
        INDArray g0 = v.generator().params().dup();
        INDArray d0 = v.discriminator().params().dup();
        Map<String, Double> losses = v.trainStep(batch(1, 4), new StepContext(1, 0, 0));
        assertEquals(java.util.List.of(Srgan.LOSS_D, Srgan.LOSS_G, Srgan.LOSS_CONTENT, Srgan.LOSS_ADVERSARIAL),
                java.util.List.copyOf(losses.keySet()));
        assertNotEquals(g0, v.generator().params());
        assertNotEquals(d0, v.discriminator().params());
        assertEquals(1, v.generator().iteration());
        assertEquals(1, v.discriminator().iteration());
        assertEquals(losses.get(Srgan.LOSS_CONTENT) + 1e-3 * losses.get(Srgan.LOSS_ADVERSARIAL),
                losses.get(Srgan.LOSS_G), 1e-9);

        // adversarial weight 0: the generator update is exactly SRResNet's MSE step
        Srgan noAdv = tiny().adversarialWeight(0).build(3);
        SrResNet mse = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).learningRate(1e-3).build(3);
        assertEquals(mse.generator().params(), noAdv.generator().params());
        noAdv.trainStep(batch(1, 4), new StepContext(1, 0, 0));
        mse.trainStep(batch(1, 4), new StepContext(1, 0, 0));
        assertEquals(mse.generator().params(), noAdv.generator().params());
        // and the adversarial term is what makes the 1e-3 generator differ (the D steps were identical)
        assertEquals(v.discriminator().params(), noAdv.discriminator().params());
        assertNotEquals(v.generator().params(), noAdv.generator().params());
    }

    @Test
    void featureContentLossPlugsInAnyGraph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).graphBuilder()
                .addInputs("in")
                .addLayer("conv1", new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "in")
                .addLayer("conv2", new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "conv1")
                .setOutputs("conv2").setInputTypes(InputType.convolutional(16, 16, 3)).build();
        ComputationGraph features = new ComputationGraph(conf);
        features.init();
        INDArray f0 = features.params().dup();
        Srgan v = tiny().featureNetwork(features, "conv1", PerceptualLoss.InputScaling.UNIT).build(3);
        assertEquals("features", v.config().get("content"));
        INDArray g0 = v.generator().params().dup();
        Map<String, Double> losses = v.trainStep(batch(1, 2), new StepContext(1, 0, 0));
        assertTrue(losses.get(Srgan.LOSS_CONTENT) > 0);
        assertNotEquals(g0, v.generator().params());
        assertEquals(f0, features.params(), "the feature network is never trained");
        assertThrows(IllegalArgumentException.class, () -> VariantProvider.find("srgan").create(v.config(), 3));
    }

    @Test
    void cpuPresetStartsExactlyAtBicubic() {
        SrResNet v = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        assertEquals("true", v.config().get("bicubicSkip"));
        // a smooth LR image on the 8-bit grid (no overshoot to clamp)
        float[] px = new float[48];
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(60 + 130 * i / 47f) / 255f;
        }
        INDArray lr = Nd4j.create(px, new long[] {1, 3, 4, 4}, 'c');
        INDArray sr = v.generator().output(lr);
        INDArray bicubic = SrVariant.bicubicUp(lr.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)));
        // bicubicUp rounds each pass to 8 bits, the layer does not: within a grey level ([-1, 1] units: 2 / 255)
        assertEquals(0, sr.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).sub(bicubic).amaxNumber().doubleValue(), 2.01 / 255);
    }

    @Test
    void previewIsBicubicSrHrStripsOfTheFirstBatch() {
        SrResNet v = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        assertEquals(3, v.preview(1).columns());
        Batch b = batch(1, 5);
        v.trainStep(b, new StepContext(1, 0, 0));
        Preview p = v.preview(1);
        assertArrayEquals(new long[] {12, 3, 16, 16}, p.images().shape());
        assertEquals(b.b().get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)), p.images().get(org.nd4j.linalg.indexing.NDArrayIndex.point(5)));
        v.trainStep(batch(2, 5), new StepContext(1, 1, 0));
        assertEquals(b.b().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)), v.preview(1).images().get(org.nd4j.linalg.indexing.NDArrayIndex.point(2)));
    }

    @Test
    void wrongShapesAreRejected() {
        SrResNet v = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        var e = assertThrows(IllegalArgumentException.class, () -> v.trainStep(
                new Batch(Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8), Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32)),
                new StepContext(1, 0, 0)));
        assertTrue(e.getMessage().contains("cropSize 16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SrResNet.fromConfig(Map.of("blcks", "3")));
        assertEquals(v.config(), SrResNet.fromConfig(v.config()).build(3).config());
    }

    /** The update of the generator's first convolution weights in one step. */
    private static INDArray headUpdate(SrResNet v, int iteration) {
        INDArray w = ((ComputationGraph) v.generator().model()).getLayer("head_conv").getParam("W");
        INDArray before = w.dup();
        v.trainStep(batch(1, 4), new StepContext(1, iteration, 0));
        return w.sub(before);
    }

    @Test
    void learningRateDropsToATenthFromTheGivenIteration() {
        SrResNet constant = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        SrResNet dropping = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16)
                .learningRateDropAt(1).build(3);
        assertEquals("0", constant.config().get("learningRateDropAt"));
        assertEquals("1", dropping.config().get("learningRateDropAt"));
        // iteration 0 at the full rate: the same step
        assertEquals(headUpdate(constant, 0), headUpdate(dropping, 0));
        // iteration 1: same gradients and Adam moments, a tenth of the rate, so a tenth of the update
        INDArray full = headUpdate(constant, 1);
        INDArray tenth = headUpdate(dropping, 1);
        assertTrue(full.norm2Number().doubleValue() > 0);
        assertEquals(0, tenth.mul(10).sub(full).norm2Number().doubleValue(), 1e-3 * full.norm2Number().doubleValue()); // float rounding of w - before
        assertThrows(IllegalArgumentException.class, () -> SrResNet.builder().learningRateDropAt(-1).build(1));
    }

    @Test
    void resumedSrganRunContinuesExactly() throws Exception {
        Batch all = batch(9, 4);
        InMemoryBatchSource data = new InMemoryBatchSource(all.a(), all.b(), 2); // 2 batches per epoch
        GanVariant straight = tiny().learningRateDropAt(2).build(5); // resumed at iteration 2: at the dropped rate
        Trainer.builder(straight, data).epochs(2).seed(11).maxIterations(3).build().fit();

        GanVariant first = tiny().learningRateDropAt(2).build(5);
        Trainer t1 = Trainer.builder(first, data).epochs(2).seed(11).maxIterations(2).build();
        t1.fit();
        Path cp = dir.resolve("cp.zip");
        t1.saveCheckpoint(cp);

        GanVariant resumed = VariantProvider.find("srgan").create(first.config(), 5);
        Nd4j.getRandom().setSeed(999);
        Trainer t2 = Trainer.builder(resumed, data).epochs(2).seed(11).maxIterations(3).build();
        t2.resumeFrom(cp);
        t2.fit();
        for (Map.Entry<String, Network> e : straight.networks().entrySet()) {
            Network other = resumed.networks().get(e.getKey());
            assertEquals(e.getValue().params(), other.params(), e.getKey() + " parameters differ");
            assertEquals(e.getValue().updaterState(), other.updaterState(), e.getKey() + " optimizer state differs");
            assertEquals(e.getValue().iteration(), other.iteration());
        }
        assertEquals(straight.preview(1).images(), resumed.preview(1).images());
    }

    @Test
    void tiledUpscalingEqualsWholeImage() {
        SrResNet v = SrResNet.builder().preset(Preset.CPU).blocks(1).features(8).cropSize(16).build(3);
        v.trainStep(batch(1, 4), new StepContext(1, 0, 0)); // non-trivial BN running statistics
        Nd4j.getRandom().setSeed(4);
        INDArray lr = Nd4j.rand(DataType.FLOAT, 3, 13, 19);
        INDArray whole = v.upscaler().withTiles(1000, 0).upscale(lr);
        INDArray tiled = v.upscaler().withTiles(8, 12).upscale(lr);
        assertArrayEquals(new long[] {1, 3, 52, 76}, tiled.shape());
        assertEquals(0, whole.sub(tiled).amaxNumber().doubleValue(), 1e-4);
        java.awt.image.BufferedImage img = v.upscaler().upscale(new java.awt.image.BufferedImage(10, 7,
                java.awt.image.BufferedImage.TYPE_INT_RGB));
        assertEquals(40, img.getWidth());
        assertEquals(28, img.getHeight());
    }
}
