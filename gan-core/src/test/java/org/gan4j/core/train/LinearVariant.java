package org.gan4j.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Regresses noise onto the data with one linear layer; enough to drive listeners. */
public final class LinearVariant implements GanVariant {
    public final Generator g;

    /** Twelve fixed random 1x2x2 examples in batches of 3: 4 batches per epoch. */
    public static InMemoryBatchSource examples() {
        Nd4j.getRandom().setSeed(3);
        return new InMemoryBatchSource(Nd4j.rand(12, 1, 2, 2), 3);
    }

    public LinearVariant() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build()).build());
        net.init();
        g = Generator.of(net, 2);
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Map<String, Network> networks() {
        return Map.of("generator", g);
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext ctx) {
        var out = g.forward(ctx.gaussian(batch.size(), 2));
        var diff = out.sub(batch.a().reshape(batch.size(), 4));
        g.backward(diff.mul(2.0 / diff.length()));
        g.applyGradients();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss_fit", diff.norm2Number().doubleValue());
        return m;
    }

    @Override
    public Preview preview(long seed) {
        return new Preview(g.output(Nd4j.ones(4, 2)).reshape(4, 1, 2, 2), 2);
    }

    @Override
    public Map<String, String> config() {
        return Map.of();
    }
}
