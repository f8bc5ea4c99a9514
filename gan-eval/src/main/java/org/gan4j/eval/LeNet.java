package org.gan4j.eval;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.layers.Convolution2D;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistDataSetIterator;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MNIST classifier behind the scores: conv 5x5 32 + ReLU, max-pool 2, conv 5x5 64 + ReLU, max-pool 2
 * (valid convolutions: 28 -> 24 -> 12 -> 8 -> 4), dense 256 + ReLU (the feature layer), dense 10 softmax;
 * 317,066 parameters. Input NCHW [B, 1, 28, 28] in [-1, 1]. Adam, batch 64, He initialisation; learning
 * rate 1e-3, and 1e-4 in the last epoch of a training of two or more epochs.
 */
final class LeNet {
    static final int FEATURES = 256;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 1e-3;
    static final double LAST_EPOCH_LEARNING_RATE = 1e-4;
    /** Index in {@code feedForward}'s list (element 0 is the input) of the feature layer's activations. */
    private static final int FEATURE_ACTIVATIONS = 5;
    private static final int PROBABILITIES = 6;
    private static final int INFERENCE_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(MnistEvaluator.class);

    private LeNet() {}

    /** The network, its learning rate scheduled for {@code epochs} of {@code batchesPerEpoch} iterations. */
    static MultiLayerNetwork build(long seed, int epochs, int batchesPerEpoch) {
        Map<Integer, Double> rates = new HashMap<>();
        rates.put(0, LEARNING_RATE);
        if (epochs > 1) {
            rates.put((epochs - 1) * batchesPerEpoch, LAST_EPOCH_LEARNING_RATE);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(new MapSchedule(ScheduleType.ITERATION, rates)))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new Convolution2D.Builder(5, 5).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new Convolution2D.Builder(5, 5).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * Trains a new network for {@code epochs} passes of {@code examplesPerEpoch} examples each (the first
     * ones of each epoch's seeded shuffle of {@code train}), logging progress.
     */
    static MultiLayerNetwork train(Mnist train, int epochs, int examplesPerEpoch, long seed) {
        int batches = (examplesPerEpoch + BATCH - 1) / BATCH;
        MultiLayerNetwork net = build(seed, epochs, batches);
        Nd4j.getRandom().setSeed(seed);
        MnistDataSetIterator it = new MnistDataSetIterator(train, BATCH, seed, false);
        int logEvery = Math.max(1, batches / 5);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (epoch > 0) {
                it.reset();
            }
            double lossSum = 0;
            int lossCount = 0;
            for (int b = 0; b < batches && it.hasNext(); b++) {
                DataSet ds = it.next();
                net.fit(ds);
                lossSum += net.score();
                lossCount++;
                if ((b + 1) % logEvery == 0 || b + 1 == batches) {
                    LOG.info(String.format(java.util.Locale.ROOT,
                            "MNIST classifier: epoch %d/%d, batch %d/%d, mean loss %.4f, %.0f s",
                            epoch + 1, epochs, b + 1, batches, lossSum / lossCount, (System.nanoTime() - start) / 1e9));
                    lossSum = 0;
                    lossCount = 0;
                }
            }
        }
        return net;
    }

    /** Class probabilities ({@code [N*10]}) and feature activations ({@code [N*256]}), row after row. */
    record Outputs(int count, float[] probabilities, float[] features) {}

    /** Runs {@code images} ({@code [N, 1, 28, 28]}) through {@code net} in inference mode. */
    static Outputs run(MultiLayerNetwork net, INDArray images) {
        int n = (int) images.size(0);
        float[] probs = new float[n * 10];
        float[] feats = new float[n * FEATURES];
        for (int from = 0; from < n; from += INFERENCE_BATCH) {
            int to = Math.min(n, from + INFERENCE_BATCH);
            INDArray x = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all());
            var acts = net.feedForward(x.castTo(DataType.FLOAT), false);
            copy(acts.get(PROBABILITIES), probs, from * 10);
            copy(acts.get(FEATURE_ACTIVATIONS), feats, from * FEATURES);
        }
        return new Outputs(n, probs, feats);
    }

    private static void copy(INDArray a, float[] out, int offset) {
        float[] v = a.dup('c').data().asFloat();
        System.arraycopy(v, 0, out, offset, v.length);
    }
}
