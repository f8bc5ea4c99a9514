package org.gan4j.core.layers;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of {@link TransposedConvolution2D}: DL4J's {@link Deconvolution2DLayer} with the
 * forward and backward passes replaced by convolution kernels (see the configuration class).
 */
final class TransposedConvolution2DLayer extends Deconvolution2DLayer {

    private final PreActivationCache cache = new PreActivationCache();

    TransposedConvolution2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        cache.clear();
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = preOutput(training, false, workspaceMgr).getFirst();
        IActivation afn = layerConf().getActivationFn();
        // the backward pass needs z for a non-identity activation; DL4J's (see nativeDeconvolution) always asks
        cache.store(training && (nativeDeconvolution() || !(afn instanceof ActivationIdentity)), z, input, workspaceMgr);
        return afn.getActivation(z, training);
    }

    /**
     * Whether DL4J's own passes (libnd4j's {@code deconv2d} / {@code deconv2d_bp}) run this layer: with stride
     * above 1, no dilation and not {@code Same} mode, where libnd4j runs them on oneDNN (its platform check
     * excludes Same mode and dilation); measured 1.1-4x faster than the convolution kernels at the U-Net and
     * ResNet generator shapes (pix2pix, CycleGAN) and at the Radford DCGAN's. The forward pass's
     * pre-activation is kept for DL4J's backward pass, which would otherwise recompute it.
     */
    private boolean nativeDeconvolution() {
        int[] strides = layerConf().getStride();
        int[] dilation = layerConf().getDilation();
        return convolutionMode != ConvolutionMode.Same && dilation[0] == 1 && dilation[1] == 1
                && (strides[0] > 1 || strides[1] > 1);
    }

    @Override
    public void clear() {
        super.clear();
        cache.clear();
    }

    /** Geometry of one call: the convolution C maps the output space (y) to the input space (x). */
    private final class Geometry {
        final boolean nchw;
        final long[] yShape;
        final int[] args;
        /** Arguments of the direct convolution x -> y with the flipped kernel, or null (see {@link #direct}). */
        final int[] directArgs;

        Geometry(INDArray x, long nOut) {
            if (x.rank() != 4) {
                throw new DL4JInvalidInputException("TransposedConvolution2D expects rank 4 input, got shape "
                        + Arrays.toString(x.shape()) + " " + layerId());
            }
            CNN2DFormat format = layerConf().getCnn2dDataFormat();
            nchw = format == CNN2DFormat.NCHW;
            int[] kernel = layerConf().getKernelSize();
            int[] strides = layerConf().getStride();
            int[] dilation = layerConf().getDilation();
            boolean same = convolutionMode == ConvolutionMode.Same;
            int[] outSize = ConvolutionUtils.getDeconvolutionOutputSize(x, kernel, strides,
                    same ? null : layerConf().getPadding(), convolutionMode, dilation, format);
            int[] pad = same ? new int[] {0, 0} : layerConf().getPadding();
            long n = x.size(0);
            yShape = nchw ? new long[] {n, nOut, outSize[0], outSize[1]} : new long[] {n, outSize[0], outSize[1], nOut};
            // libnd4j conv arguments; weights format 0 = [kH, kW, inChannels, outChannels] of C
            args = new int[] {kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                same ? 1 : 0, nchw ? 0 : 1, 0};
            // stride 1, no dilation: the transposed convolution is the convolution with the spatially flipped
            // kernel and padding k - 1 - p (same mode: odd kernels, whose padding is symmetric)
            boolean direct = strides[0] == 1 && strides[1] == 1 && dilation[0] == 1 && dilation[1] == 1
                    && (same ? kernel[0] % 2 == 1 && kernel[1] % 2 == 1 : pad[0] < kernel[0] && pad[1] < kernel[1]);
            directArgs = !direct ? null : new int[] {kernel[0], kernel[1], 1, 1,
                same ? 0 : kernel[0] - 1 - pad[0], same ? 0 : kernel[1] - 1 - pad[1], 1, 1, same ? 1 : 0, nchw ? 0 : 1, 0};
        }
    }

    /** DL4J layout [nIn, nOut, kH, kW] viewed as C's weights in libnd4j layout [kH, kW, nOut, nIn]. */
    private static INDArray asConvWeights(INDArray w) {
        return w.permute(2, 3, 1, 0);
    }

    /**
     * The direct convolution's weights in libnd4j layout [kH, kW, nIn, nOut]: {@code Wf[a, b, i, o] =
     * W[i, o, kH - 1 - a, kW - 1 - b]} (a copy).
     */
    private INDArray flippedWeights(INDArray w, LayerWorkspaceMgr workspaceMgr) {
        INDArray view = w.permute(2, 3, 0, 1);
        INDArray out = workspaceMgr.create(ArrayType.FF_WORKING_MEM, dataType, view.shape(), 'c');
        flipSpatially(view, out);
        return out;
    }

    /**
     * {@code to[a, b] = from[kH - 1 - a, kW - 1 - b]} for [kH, kW, ., .] arrays, one slice at a time: ND4J's
     * {@code Reverse} op leaks native memory on every call in 1.0.0-M2.1 (about twice the array size).
     */
    private static void flipSpatially(INDArray from, INDArray to) {
        long kH = from.size(0);
        long kW = from.size(1);
        for (long a = 0; a < kH; a++) {
            for (long b = 0; b < kW; b++) {
                to.get(NDArrayIndex.point(a), NDArrayIndex.point(b))
                        .assign(from.get(NDArrayIndex.point(kH - 1 - a), NDArrayIndex.point(kW - 1 - b)));
            }
        }
    }

    private static void exec(String op, INDArray[] in, INDArray[] out, int[] args) {
        Nd4j.getExecutioner().exec(DynamicCustomOp.builder(op).addInputs(in).addOutputs(out)
                .addIntegerArguments(args).callInplace(false).build());
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (nativeDeconvolution()) {
            INDArray z = forBackprop ? cache.take(input) : null;
            return z != null ? new Pair<>(z, null) : super.preOutput(training, forBackprop, workspaceMgr);
        }
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray x = input.castTo(dataType);
        Geometry g = new Geometry(x, weights.size(1));
        long inChannels = x.size(g.nchw ? 1 : 3);
        if (inChannels != weights.size(0)) {
            throw new DL4JInvalidInputException("TransposedConvolution2D: input has " + inChannels + " channels ("
                    + layerConf().getCnn2dDataFormat() + " " + Arrays.toString(x.shape()) + "), expected "
                    + weights.size(0) + " " + layerId());
        }
        INDArray y = workspaceMgr.create(ArrayType.ACTIVATIONS, dataType, g.yShape, 'c');
        if (g.directArgs != null) {
            exec("conv2d", new INDArray[] {x, flippedWeights(weights, workspaceMgr)}, new INDArray[] {y}, g.directArgs);
        } else {
            INDArray yShape = Nd4j.createFromArray(Arrays.stream(g.yShape).mapToInt(Math::toIntExact).toArray());
            exec("deconv2d_tf", new INDArray[] {yShape, asConvWeights(weights), x}, new INDArray[] {y}, g.args);
        }
        if (layerConf().hasBias()) {
            INDArray bias = getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, training, workspaceMgr);
            Nd4j.getExecutioner().exec(new BiasAdd(y, bias.reshape(bias.length()), y, g.nchw));
        }
        return new Pair<>(y, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (nativeDeconvolution()) {
            try {
                return super.backpropGradient(epsilon, workspaceMgr);
            } finally {
                cache.clear();
            }
        }
        assertInputSet(true);
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray x = input.castTo(dataType);
        Geometry g = new Geometry(x, weights.size(1));
        if (epsilon.dataType() != dataType) {
            epsilon = epsilon.castTo(dataType);
        }
        IActivation afn = layerConf().getActivationFn();
        INDArray delta = epsilon;
        if (!(afn instanceof ActivationIdentity)) {
            INDArray z = cache.take(input); // the forward pass's, or recomputed
            delta = afn.backprop(z != null ? z : preOutput(true, true, workspaceMgr).getFirst(), epsilon).getFirst();
        }
        cache.clear();

        INDArray weightGradView = gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY);
        INDArray dx = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        if (g.directArgs != null) {
            // one backward pass of the direct convolution gives both gradients; un-flip the weight gradient
            INDArray flippedGrad = workspaceMgr.create(ArrayType.BP_WORKING_MEM, dataType,
                    weightGradView.permute(2, 3, 0, 1).shape(), 'c');
            exec("conv2d_bp", new INDArray[] {x, flippedWeights(weights, workspaceMgr), delta},
                    new INDArray[] {dx, flippedGrad}, g.directArgs);
            flipSpatially(flippedGrad, weightGradView.permute(2, 3, 0, 1));
        } else {
            convolutionGradients(g, weights, weightGradView, x, delta, dx, workspaceMgr);
        }

        Gradient gradient = new DefaultGradient();
        if (layerConf().hasBias()) {
            INDArray biasGradView = gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY);
            biasGradView.assign(delta.sum(g.nchw ? new int[] {0, 2, 3} : new int[] {0, 1, 2}).reshape(biasGradView.shape()));
            gradient.setGradientFor(DeconvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.setGradientFor(DeconvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, dx);
    }

    private void convolutionGradients(Geometry g, INDArray weights, INDArray weightGradView, INDArray x, INDArray delta,
                                      INDArray dx, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = asConvWeights(weights);
        // input gradient: C applied to delta
        exec("conv2d", new INDArray[] {delta, w}, new INDArray[] {dx}, g.args);
        // weight gradient: C's weight gradient at input delta and output gradient x (its input
        // gradient, a forward pass of this layer, is a by-product that goes to scratch memory)
        INDArray scratch = workspaceMgr.create(ArrayType.BP_WORKING_MEM, dataType, delta.shape(), 'c');
        exec("conv2d_bp", new INDArray[] {delta, w, x}, new INDArray[] {scratch, asConvWeights(weightGradView)}, g.args);
    }
}
