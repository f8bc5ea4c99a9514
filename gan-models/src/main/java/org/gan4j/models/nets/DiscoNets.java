package org.gan4j.models.nets;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * DiscoGAN's networks (SKTBrain/DiscoGAN {@code model.py}, {@code Generator(extra_layers=False)} and
 * {@code Discriminator}): 4x4 stride-2 padding-1 convolutions without biases, as DL4J MultiLayerNetworks.
 */
public final class DiscoNets {
    /** Layer indices of the discriminator's features: the LeakyReLU outputs of blocks 2, 3 and 4. */
    private static final int[] FEATURE_LAYERS = {2, 4, 6};

    /** Layer indices of the discriminator's features (for {@code FeatureDiscriminator.of}). */
    public static int[] featureLayers() {
        return FEATURE_LAYERS.clone();
    }

    private DiscoNets() {}

    /**
     * PyTorch's (2017) default initialisation, which the reference keeps: weights U(+-1/sqrt(fan_in)) with
     * fan_in = in_channels x 16 (DL4J's UNIFORM uses the same fan-in for transposed convolutions), L2 weight
     * decay through the optimizer.
     */
    private static NeuralNetConfiguration.ListBuilder base(long seed, IUpdater updater, double weightDecay,
            DataType type) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(type).updater(updater)
                .weightInit(WeightInit.UNIFORM).l2(weightDecay).list();
    }

    private static BatchNormalization batchNorm(IActivation act) {
        BatchNormalization bn = Blocks.batchNorm();
        bn.setActivationFn(act);
        return bn;
    }

    /**
     * G: conv(nf) lrelu, [conv bn lrelu] x3 (2nf, 4nf, 8nf) down to size/16, then [deconv bn relu] x3 (4nf, 2nf,
     * nf) and deconv(outChannels) sigmoid back to size. 14 layers. The paper's images have 3 channels in and out.
     */
    public static MultiLayerNetwork generator(int inChannels, int outChannels, int nf, int size, long seed, IUpdater updater, double weightDecay,
            DataType type) {
        var list = base(seed, updater, weightDecay, type);
        list.layer(Blocks.conv(nf, 4, 2, 1, false, Blocks.leaky()));
        for (int m : new int[] {2, 4, 8}) {
            list.layer(Blocks.conv(nf * m, 4, 2, 1, false));
            list.layer(batchNorm(Blocks.leaky()));
        }
        for (int m : new int[] {4, 2, 1}) {
            list.layer(Blocks.deconv(nf * m, 4, 2, 1, false, Activation.IDENTITY.getActivationFunction()));
            list.layer(batchNorm(Activation.RELU.getActivationFunction()));
        }
        list.layer(Blocks.deconv(outChannels, 4, 2, 1, false, Activation.SIGMOID.getActivationFunction()));
        list.setInputType(InputType.convolutional(size, size, inChannels));
        return init(new MultiLayerNetwork(list.build()), seed);
    }

    /**
     * D: conv(nf) lrelu, [conv bn lrelu] x3 (2nf, 4nf, 8nf), conv 4x4 stride 1 no padding to one logit per
     * position (1x1 for 64x64 inputs; the reference's sigmoid is in the loss). Features: layers
     * {@link #featureLayers()}.
     */
    public static MultiLayerNetwork discriminator(int channels, int nf, int size, long seed, IUpdater updater, double weightDecay,
            DataType type) {
        var list = base(seed, updater, weightDecay, type);
        list.layer(Blocks.conv(nf, 4, 2, 1, false, Blocks.leaky()));
        for (int m : new int[] {2, 4, 8}) {
            list.layer(Blocks.conv(nf * m, 4, 2, 1, false));
            list.layer(batchNorm(Blocks.leaky()));
        }
        list.layer(Blocks.conv(1, 4, 1, 0, false));
        list.setInputType(InputType.convolutional(size, size, channels));
        return init(new MultiLayerNetwork(list.build()), seed);
    }

    /** Initialises and draws every batch-norm scale from U(0, 1), PyTorch's BatchNorm2d default before 1.2. */
    private static MultiLayerNetwork init(MultiLayerNetwork net, long seed) {
        net.init();
        SplittableRandom rng = new SplittableRandom(seed ^ 0xb47c4L);
        for (var layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                INDArray gamma = layer.getParam(BatchNormalizationParamInitializer.GAMMA);
                double[] u = new double[(int) gamma.length()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = rng.nextDouble();
                }
                gamma.assign(Nd4j.createFromArray(u).castTo(gamma.dataType()).reshape(gamma.shape()));
            }
        }
        return net;
    }
}
