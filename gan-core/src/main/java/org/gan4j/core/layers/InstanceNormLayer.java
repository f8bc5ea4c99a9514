package org.gan4j.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runtime layer of {@link InstanceNormalization}. It works on the input viewed as [N*C, H*W] (one row per
 * channel of each example) and keeps the centred input and 1/std of a training forward pass for the backward
 * pass on the same input: the small models this layer is used in (CycleGAN at batch 1) are dominated by the
 * number of ND4J calls, not by arithmetic.
 */
final class InstanceNormLayer extends BaseLayer<InstanceNormalization> {
    /** The last training forward pass's statistics and the input they belong to. */
    private Stats kept;
    private INDArray keptFor;
    private INDArray ones;

    InstanceNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** x - mean as [N*C, H*W] and 1 / sqrt(var + eps) as [N*C, 1] (biased variance, as PyTorch). */
    private record Stats(INDArray centred, INDArray invStd) {
        boolean valid() {
            return PreActivationCache.valid(centred) && PreActivationCache.valid(invStd);
        }
    }

    /** The rows of {@code a}: [N*C, H*W], c order (a view when {@code a} is contiguous). */
    private static INDArray rows(INDArray a) {
        return a.reshape('c', a.size(0) * a.size(1), a.size(2) * a.size(3));
    }

    private Stats stats(INDArray x, LayerWorkspaceMgr mgr, ArrayType keepIn, ArrayType work) {
        INDArray r = rows(x);
        INDArray mean = rowMeans(r, mgr, work);
        INDArray centred = mgr.createUninitialized(keepIn, dataType, r.shape(), 'c');
        Nd4j.exec(new SubOp(r, mean, centred));
        // two passes (the variance of the centred values): no cancellation when the mean is large
        INDArray squares = mgr.createUninitialized(work, dataType, r.shape(), 'c');
        Nd4j.exec(new MulOp(centred, centred, squares));
        INDArray invStd = rowMeans(squares, mgr, keepIn).addi(layerConf().getEps());
        Nd4j.exec(new RSqrt(invStd, invStd));
        return new Stats(centred, invStd);
    }

    /**
     * Row means of a [rows, plane] array as [rows, 1], by a matrix-vector product with ones: several times
     * faster than ND4J's reductions along a dimension at these sizes.
     */
    private INDArray rowMeans(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        return rowSums(a, 1.0 / a.size(1), mgr, type);
    }

    private INDArray rowSums(INDArray a, double scale, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray out = mgr.createUninitialized(type, dataType, new long[] {a.size(0), 1}, 'c');
        return Nd4j.gemm(a, ones(a.size(1)), out, false, false, scale, 0.0);
    }

    /** A column of {@code n} ones, kept outside any workspace. */
    private INDArray ones(long n) {
        if (ones == null || ones.length() != n || ones.dataType() != dataType) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(dataType, n, 1);
            }
        }
        return ones;
    }

    private void checkInput(INDArray x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("InstanceNormalization expects NCHW input (rank 4), got shape "
                    + java.util.Arrays.toString(x.shape()) + " in layer " + layerId());
        }
    }

    /** gamma repeated for every example: [N*C, 1] (null without affine parameters). */
    private INDArray gammaRows(long examples) {
        if (!layerConf().isAffine()) {
            return null;
        }
        INDArray gamma = getParam(NormParams.GAMMA);
        return gamma.reshape(1, gamma.length()).repeat(0, examples).reshape(examples * gamma.length(), 1);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        forget();
        INDArray x = input.castTo(dataType);
        checkInput(x);
        Stats s = stats(x, mgr, training ? ArrayType.INPUT : ArrayType.FF_WORKING_MEM, ArrayType.FF_WORKING_MEM);
        long examples = x.size(0);
        INDArray y = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, s.centred().shape(), 'c');
        INDArray gamma = gammaRows(examples);
        // (x - mean) * (gamma / std) + beta: the affine scale folds into the per-row factor
        Nd4j.exec(new MulOp(s.centred(), gamma == null ? s.invStd() : gamma.muli(s.invStd()), y));
        if (gamma != null) {
            INDArray beta = getParam(NormParams.BETA);
            Nd4j.exec(new AddOp(y, beta.reshape(1, beta.length()).repeat(0, examples).reshape(gamma.shape()), y));
        }
        if (training) {
            kept = s;
            keptFor = input;
        }
        return y.reshape('c', x.shape());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        Stats s = kept != null && keptFor == input && kept.valid() ? kept : stats(x, mgr, ArrayType.BP_WORKING_MEM, ArrayType.BP_WORKING_MEM);
        forget();
        long examples = x.size(0);
        long channels = x.size(1);
        long plane = x.size(2) * x.size(3);
        INDArray g = rows(epsilon.castTo(dataType));
        INDArray invStd = s.invStd();
        // with xHat = centred * invStd and k = gamma * invStd (invStd without affine), per row:
        // dx = k * (g - mean(g) - xHat * mean(g * xHat)), dGamma = sum over examples of sum(g * xHat), dBeta of sum(g)
        INDArray work = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, g.shape(), 'c');
        Nd4j.exec(new MulOp(g, s.centred(), work));
        INDArray sumGc = rowSums(work, 1.0, mgr, ArrayType.BP_WORKING_MEM); // sum(g * centred)
        INDArray sumG = rowSums(g, 1.0, mgr, ArrayType.BP_WORKING_MEM);
        Gradient gradient = new DefaultGradient();
        INDArray k = invStd;
        if (layerConf().isAffine()) {
            INDArray dGamma = gradientViews.get(NormParams.GAMMA);
            INDArray dBeta = gradientViews.get(NormParams.BETA);
            dGamma.assign(sumGc.mul(invStd).reshape(examples, channels).sum(0).reshape(dGamma.shape()));
            dBeta.assign(sumG.reshape(examples, channels).sum(0).reshape(dBeta.shape()));
            gradient.setGradientFor(NormParams.GAMMA, dGamma);
            gradient.setGradientFor(NormParams.BETA, dBeta);
            k = gammaRows(examples).muli(invStd);
        }
        INDArray meanTerm = sumG.muli(k).divi(plane);
        // xHat * mean(g * xHat) * k = centred * (sum(g * centred) * invStd^2 * k / plane)
        INDArray centredFactor = sumGc.muli(invStd).muli(invStd).muli(k).divi(plane);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, g.shape(), 'c');
        Nd4j.exec(new MulOp(g, k, dx));
        Nd4j.exec(new SubOp(dx, meanTerm, dx));
        Nd4j.exec(new MulOp(s.centred(), centredFactor, work));
        dx.subi(work);
        return new Pair<>(gradient, dx.reshape('c', x.shape()));
    }

    private void forget() {
        kept = null;
        keptFor = null;
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {}

    @Override
    public Type type() {
        return Type.NORMALIZATION;
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return 0;
    }
}
