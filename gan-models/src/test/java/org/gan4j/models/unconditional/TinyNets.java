package org.gan4j.models.unconditional;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** Tiny double-precision MLPs for exact mechanics checks. */
final class TinyNets {
    private TinyNets() {}

    static MultiLayerNetwork mlp(long seed, int in, int hidden, int out, Activation last) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).updater(new Adam(1e-2, 0.5, 0.999, 1e-8)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(out).activation(last).build())
                .build());
        net.init();
        return net;
    }
}
