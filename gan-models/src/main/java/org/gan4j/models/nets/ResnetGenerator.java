package org.gan4j.models.nets;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.gan4j.core.layers.InputGradientTap;
import org.gan4j.core.layers.InstanceNormalization;
import org.gan4j.core.layers.ReflectionPadding2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * CycleGAN's ResNet generator (Johnson et al. 2016; {@code ResnetGenerator} of the reference code with
 * instance norm): c7s1-64, d128, d256, R256 x blocks, u128, u64, c7s1-C. Reflection padding before
 * the 7x7 and the residual 3x3 convolutions, instance norm without affine parameters, convolutions
 * with bias, tanh output.
 *
 * <p>Up-sampling: PyTorch's ConvTranspose2d(3, stride 2, padding 1, output_padding 1) exactly, as a
 * DL4J 3x3 stride-2 transposed convolution without padding (2n + 1 outputs) followed by cropping the
 * first row and column; or, with {@code resizeConv}, nearest 2x up-sampling - reflection pad 1 -
 * 3x3 convolution (Odena et al. 2016, no checkerboard artefacts).
 */
public final class ResnetGenerator {
    private ResnetGenerator() {}

    /** The ResNet generator's configuration (see the class description) for square {@code size} inputs. */
    public static ComputationGraphConfiguration config(int blocks, int ngf, int inChannels, int outChannels, int size,
                                                boolean resizeConv, long seed, IUpdater updater, DataType dataType) {
        if (size % 4 != 0) {
            throw new IllegalArgumentException("the ResNet generator needs an image size divisible by 4, got " + size);
        }
        var g = Blocks.base(seed, updater, dataType).graphBuilder()
                .addInputs("input")
                .addLayer("tap", new InputGradientTap(), "input");
        String x = normRelu(g, "c7", "tap", new ReflectionPadding2D(3), Blocks.conv(ngf, 7, 1, 0, true));
        for (int i = 1; i <= 2; i++) {
            x = normRelu(g, "d" + i, x, null, Blocks.conv(ngf << i, 3, 2, 1, true));
        }
        int f = ngf << 2;
        for (int b = 1; b <= blocks; b++) {
            String r = "r" + b;
            String h = normRelu(g, r + "a", x, new ReflectionPadding2D(1), Blocks.conv(f, 3, 1, 0, true));
            g.addLayer(r + "b_pad", new ReflectionPadding2D(1), h);
            g.addLayer(r + "b_conv", Blocks.conv(f, 3, 1, 0, true), r + "b_pad");
            g.addLayer(r + "b_norm", InstanceNormalization.builder().build(), r + "b_conv");
            g.addVertex(r, new ElementWiseVertex(ElementWiseVertex.Op.Add), x, r + "b_norm");
            x = r;
        }
        for (int i = 1; i <= 2; i++) {
            int nOut = ngf << (2 - i);
            String u = "u" + i;
            if (resizeConv) {
                g.addLayer(u + "_up", new Upsampling2D.Builder(2).build(), x);
                x = normRelu(g, u, u + "_up", new ReflectionPadding2D(1), Blocks.conv(nOut, 3, 1, 0, true));
            } else {
                g.addLayer(u + "_convT", Blocks.deconv(nOut, 3, 2, 0, true, Activation.IDENTITY.getActivationFunction()), x);
                g.addLayer(u + "_crop", new Cropping2D(1, 0, 1, 0), u + "_convT");
                g.addLayer(u + "_norm", InstanceNormalization.builder().build(), u + "_crop");
                g.addLayer(u, Blocks.act(Activation.RELU), u + "_norm");
                x = u;
            }
        }
        g.addLayer("out_pad", new ReflectionPadding2D(3), x);
        g.addLayer("out", Blocks.conv(outChannels, 7, 1, 0, true, Activation.TANH.getActivationFunction()), "out_pad");
        return g.setOutputs("out").setInputTypes(InputType.convolutional(size, size, inChannels)).build();
    }

    /** [pad] - conv - instance norm - ReLU, named {@code name}; returns the ReLU's name. */
    private static String normRelu(ComputationGraphConfiguration.GraphBuilder g, String name, String in,
                                   ReflectionPadding2D pad, org.deeplearning4j.nn.conf.layers.ConvolutionLayer conv) {
        String x = in;
        if (pad != null) {
            g.addLayer(name + "_pad", pad, x);
            x = name + "_pad";
        }
        g.addLayer(name + "_conv", conv, x);
        g.addLayer(name + "_norm", InstanceNormalization.builder().build(), name + "_conv");
        g.addLayer(name, Blocks.act(Activation.RELU), name + "_norm");
        return name;
    }
}
