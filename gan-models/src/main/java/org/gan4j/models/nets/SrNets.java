package org.gan4j.models.nets;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.layers.BicubicUpsampling;
import org.gan4j.core.layers.ChannelPReLU;
import org.gan4j.core.layers.PixelShuffle;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The SRResNet generator and the SRGAN discriminator (Ledig et al. 2017, figure 4). */
public final class SrNets {
    /** Name of the generator graph's input (the low-resolution image). */
    public static final String INPUT = "lr";
    /** Name of the generator graph's output (the super-resolved image). */
    public static final String OUTPUT = "sr";
    /** Upscaling factor of the generator. */
    public static final int SCALE = 4;

    private SrNets() {}

    /** The paper's optimizer: Adam with beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public static Adam adam(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * {@link #adam(double)} whose rate drops to a tenth from iteration {@code dropAt} on (the paper's SRGAN
     * schedule: 1e-4, then 1e-5 after 10^5 iterations); {@code dropAt} 0 keeps it constant. The schedule is
     * part of the network's configuration, so checkpoints carry it.
     */
    public static Adam adam(double lr, int dropAt) {
        if (dropAt < 0) {
            throw new IllegalArgumentException("dropAt must be >= 0 (0: constant rate), got " + dropAt);
        }
        Adam adam = adam(lr);
        if (dropAt > 0) {
            adam.setLearningRateSchedule(new MapSchedule(ScheduleType.ITERATION, Map.of(0, lr, dropAt, lr / 10)));
        }
        return adam;
    }

    private static BatchNormalization bn() {
        // PyTorch's defaults (momentum 0.1 = DL4J decay 0.9, eps 1e-5)
        return new BatchNormalization.Builder().decay(0.9).eps(1e-5).build();
    }

    private static ConvolutionLayer conv(int out, int kernel, int stride) {
        return new ConvolutionLayer.Builder().nOut(out).kernelSize(kernel, kernel).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build();
    }

    /**
     * SRResNet: 9x9 conv + PReLU; {@code blocks} x (3x3 conv, BN, PReLU, 3x3 conv, BN, skip); 3x3 conv, BN,
     * long skip; two x (3x3 conv to 4x features, pixel shuffle x2, PReLU); 9x9 conv to RGB (linear output).
     * Input: LR RGB in [0, 1], any size; output: HR RGB in [-1, 1] (not clamped), 4x the size.
     */
    public static ComputationGraph generator(long seed, int blocks, int features, int outputKernel, boolean bicubicSkip,
            IUpdater updater) {
        var g = new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE)
                .graphBuilder().addInputs(INPUT);
        g.addLayer("head_conv", conv(features, 9, 1), INPUT);
        g.addLayer("head_prelu", new ChannelPReLU(features, true), "head_conv");
        String prev = "head_prelu";
        for (int b = 0; b < blocks; b++) {
            String p = "block" + b + "_";
            g.addLayer(p + "conv1", conv(features, 3, 1), prev);
            g.addLayer(p + "bn1", bn(), p + "conv1");
            g.addLayer(p + "prelu", new ChannelPReLU(features, true), p + "bn1");
            g.addLayer(p + "conv2", conv(features, 3, 1), p + "prelu");
            g.addLayer(p + "bn2", bn(), p + "conv2");
            g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "bn2", prev);
            prev = p + "add";
        }
        g.addLayer("trunk_conv", conv(features, 3, 1), prev);
        g.addLayer("trunk_bn", bn(), "trunk_conv");
        g.addVertex("trunk_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "trunk_bn", "head_prelu");
        prev = "trunk_add";
        for (int u = 0; u < 2; u++) {
            String p = "up" + u + "_";
            g.addLayer(p + "conv", conv(features * 4, 3, 1), prev);
            g.addLayer(p + "shuffle", new PixelShuffle(2), p + "conv");
            g.addLayer(p + "prelu", new ChannelPReLU(features, true), p + "shuffle");
            prev = p + "prelu";
        }
        if (bicubicSkip) {
            // residual over bicubic upsampling; the last conv starts at zero, so G starts as bicubic
            g.addLayer("residual", new ConvolutionLayer.Builder().nOut(3).kernelSize(outputKernel, outputKernel)
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY)
                    .weightInit(WeightInit.ZERO).build(), prev);
            g.addLayer("bicubic", new BicubicUpsampling(SCALE, 2.0, -1.0), INPUT);
            g.addVertex(OUTPUT, new ElementWiseVertex(ElementWiseVertex.Op.Add), "residual", "bicubic");
        } else {
            g.addLayer(OUTPUT, conv(3, outputKernel, 1), prev);
        }
        ComputationGraphConfiguration conf = g.setOutputs(OUTPUT)
                .setInputTypes(InputType.convolutional(24, 24, 3)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /**
     * The SRGAN discriminator: 3x3 conv {@code f} + LReLU(0.2); then 7 x (3x3 conv, BN, LReLU) with filters
     * f, 2f, 2f, 4f, 4f, 8f, 8f and stride 2 on every second layer (f, 2f, 4f, 8f at stride 2); Dense
     * {@code dense} + LReLU(0.2); Dense 1 (logit). Input: HR RGB in [-1, 1] of {@code size x size}.
     */
    public static MultiLayerNetwork discriminator(long seed, int size, int f, int dense, IUpdater updater) {
        var lrelu = new ActivationLReLU(0.2);
        var list = new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .weightInit(WeightInit.XAVIER).list();
        list.layer(new ConvolutionLayer.Builder().nOut(f).kernelSize(3, 3).convolutionMode(ConvolutionMode.Same)
                .activation(lrelu).build());
        int[] filters = {f, 2 * f, 2 * f, 4 * f, 4 * f, 8 * f, 8 * f};
        int[] strides = {2, 1, 2, 1, 2, 1, 2};
        for (int i = 0; i < filters.length; i++) {
            list.layer(new ConvolutionLayer.Builder().nOut(filters[i]).kernelSize(3, 3).stride(strides[i], strides[i])
                    .convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY).build());
            list.layer(bn());
            list.layer(new ActivationLayer.Builder().activation(lrelu).build());
        }
        list.layer(new DenseLayer.Builder().nOut(dense).activation(lrelu).build());
        list.layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(size, size, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
