package org.gan4j.examples.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * An MLP GAN small enough for crash tests (milliseconds per step, checkpoints of a few KiB): G maps
 * 4 noise values to a 2x2 image through 8 hidden units, D maps it to a logit through 8 units; the
 * step is the MLP GAN's (D on real and detached fake, then G through the updated D).
 */
final class TinyGan implements GanVariant {
    static final int BATCH = 8;

    private final Generator g;
    private final Discriminator d;
    private final AdversarialLoss loss = AdversarialLoss.nonSaturating();

    TinyGan(long seed) {
        g = Generator.of(mlp(seed, 4, 4, Activation.TANH), 4);
        d = Discriminator.of(mlp(seed + 1, 4, 1, Activation.IDENTITY));
    }

    private static MultiLayerNetwork mlp(long seed, int in, int out, Activation last) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).updater(new Adam(1e-2, 0.5, 0.999, 1e-8)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(8).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(8).nOut(out).activation(last).build())
                .build());
        net.init();
        return net;
    }

    /** 64 synthetic 2x2 "images" (no download), 8 batches per epoch. */
    static InMemoryBatchSource examples() {
        Nd4j.getRandom().setSeed(3);
        return new InMemoryBatchSource(Nd4j.rand(DataType.FLOAT, 64, 1, 2, 2).muli(2).subi(1), BATCH);
    }

    @Override
    public String name() {
        return "tiny-gan";
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", g);
        m.put("discriminator", d);
        return m;
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext ctx) {
        INDArray real = batch.a().reshape(batch.size(), 4);
        INDArray fake = g.forward(ctx.gaussian(batch.size(), 4));
        LossValue onReal = loss.discriminator(d.forward(real), Target.REAL);
        d.backward(onReal.gradient());
        LossValue onFake = loss.discriminator(d.forward(fake), Target.FAKE);
        d.backward(onFake.gradient());
        d.applyGradients();
        LossValue onG = loss.generator(d.forward(fake));
        g.backward(d.inputGradient(onG.gradient()));
        g.applyGradients();
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_D", onReal.value() + onFake.value());
        losses.put("loss_G", onG.value());
        return losses;
    }

    @Override
    public Preview preview(long seed) {
        return new Preview(g.output(Nd4j.ones(DataType.FLOAT, 4, 4)).reshape(4, 1, 2, 2), 2);
    }

    @Override
    public Map<String, String> config() {
        return Map.of();
    }
}
