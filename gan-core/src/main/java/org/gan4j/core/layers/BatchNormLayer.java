package org.gan4j.core.layers;

import org.deeplearning4j.nn.api.Layer.TrainingMode;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gan4j.core.internal.MemoryRelease;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link BatchNorm}: DL4J's batch norm layer with its own training forward and backward
 * passes for rank-2 and rank-4 input.
 */
final class BatchNormLayer extends BatchNormalization {
    /** State of the last fast training forward pass: normalised input, batch std, mean and variance, the input. */
    private INDArray fastXHat;
    private INDArray fastStd;
    private INDArray fastMean;
    private INDArray fastVar;
    private INDArray fastFor;

    BatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean fastPath(INDArray x, TrainingMode training) {
        return training == TrainingMode.TRAIN && (x.rank() == 2 || x.rank() == 4) && !layerConf().isLockGammaBeta()
                && x.dataType().isFPType() && x.size(channelDim(x)) == layerConf().getNOut();
    }

    /** The feature (channel) dimension: 1 for dense and NCHW input, 3 for NHWC. */
    private int channelDim(INDArray x) {
        return x.rank() == 4 && layerConf().getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
    }

    /**
     * A per-channel vector shaped to broadcast against {@code like} ([1, C], [1, C, 1, 1] or [1, 1, 1, C]): ND4J's
     * broadcasting pairwise ops are several times faster than its Broadcast*Op kernels along dimension 1 of 4D arrays.
     */
    private INDArray perChannel(INDArray vector, INDArray like) {
        long[] shape = new long[like.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[channelDim(like)] = vector.length();
        return vector.reshape('c', shape);
    }

    /**
     * Sum over all but the channel dimension of a c-order array, as contiguous reductions (ND4J's reductions
     * over dimensions {0, 2, 3} are several times slower): NCHW sums each [H*W] row first, then over the batch.
     */
    private INDArray channelSum(INDArray a) {
        long c = a.size(channelDim(a));
        if (a.rank() == 4 && channelDim(a) == 1) {
            long n = a.size(0);
            return a.reshape('c', n * c, a.size(2) * a.size(3)).sum(1).reshape('c', n, c).sum(0);
        }
        return a.reshape('c', a.length() / c, c).sum(0);
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (!fastPath(x, training)) {
            return super.preOutput(x, training, workspaceMgr);
        }
        INDArray in = x.castTo(dataType);
        if (!Shape.hasDefaultStridesForShape(in)) {
            in = in.dup('c');
        }
        int ch = channelDim(in);
        long c = in.size(ch);
        long[] shape = in.shape();
        // batch statistics live as long as the input (until the backward pass)
        long m = in.length() / c;
        INDArray mean = workspaceMgr.leverageTo(ArrayType.INPUT, channelSum(in).divi(m));
        INDArray xMuArr = workspaceMgr.createUninitialized(ArrayType.INPUT, dataType, shape, 'c');
        Nd4j.exec(new SubOp(in, perChannel(mean, in), xMuArr));
        INDArray sq = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, shape, 'c');
        Nd4j.exec(new MulOp(xMuArr, xMuArr, sq));
        INDArray var = workspaceMgr.leverageTo(ArrayType.INPUT, channelSum(sq).divi(m)); // biased, as DL4J's
        INDArray std = Transforms.sqrt(workspaceMgr.dup(ArrayType.INPUT, var).addi(layerConf().getEps()), false);
        Nd4j.exec(new DivOp(xMuArr, perChannel(std, xMuArr), xMuArr)); // now x_hat
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        Nd4j.exec(new MulOp(xMuArr, perChannel(param(BatchNormalizationParamInitializer.GAMMA), xMuArr), out));
        Nd4j.exec(new AddOp(out, perChannel(param(BatchNormalizationParamInitializer.BETA), out), out));
        fastXHat = xMuArr;
        fastStd = std;
        fastMean = mean;
        fastVar = var;
        fastFor = x;
        return out;
    }

    private INDArray param(String key) {
        INDArray p = getParam(key);
        return p.reshape(p.length());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (fastXHat == null || fastFor != input || epsilon.rank() != fastXHat.rank() || !PreActivationCache.valid(fastXHat)
                || !PreActivationCache.valid(fastStd)) {
            // no usable fast forward for this input (another forward came in between, or its workspace was
            // closed): DL4J's backward needs the statistics its own training forward keeps (and a helper's caches)
            forget();
            super.preOutput(input, TrainingMode.TRAIN, workspaceMgr);
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray dy = epsilon.castTo(dataType);
        if (!Shape.hasDefaultStridesForShape(dy)) {
            dy = dy.dup('c');
        }
        int ch = channelDim(dy);
        long c = dy.size(ch);
        long m = dy.length() / c;
        long[] shape = dy.shape();
        INDArray gamma = param(BatchNormalizationParamInitializer.GAMMA);
        INDArray dGammaView = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray dBetaView = gradientViews.get(BatchNormalizationParamInitializer.BETA);

        INDArray dBeta = channelSum(dy);
        INDArray t = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, shape, 'c');
        Nd4j.exec(new MulOp(dy, fastXHat, t));
        INDArray dGamma = channelSum(t);
        // dx = gamma / std * (dy - mean(dy) - x_hat * mean(dy * x_hat)), means over all but the channel dimension
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, shape, 'c');
        Nd4j.exec(new SubOp(dy, perChannel(dBeta.div(m), dy), dx));
        Nd4j.exec(new MulOp(fastXHat, perChannel(dGamma.div(m), fastXHat), t));
        dx.subi(t);
        Nd4j.exec(new MulOp(dx, perChannel(gamma.div(fastStd), dx), dx));

        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(dBeta.reshape(dBetaView.shape()));
        Gradient g = new DefaultGradient();
        g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        g.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        runningStatisticsGradients(g, fastMean, fastVar);
        forget();
        return new Pair<>(g, dx);
    }

    /**
     * DL4J's "distributed safe" running statistics: the gradient of the running mean is
     * {@code (1 - decay) * (mean - batchMean)}, of the running variance {@code (1 - decay) * (var - batchVar)},
     * of the running log10 std {@code log10(var / (decay * var + (1 - decay) * batchVar)) / 2}; the updater
     * subtracts them.
     */
    private void runningStatisticsGradients(Gradient g, INDArray batchMean, INDArray batchVar) {
        double decay = layerConf().getDecay();
        INDArray globalMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray dGlobalMean = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        dGlobalMean.assign(globalMean.sub(batchMean.reshape(globalMean.shape())).muli(1 - decay));
        g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, dGlobalMean);
        if (layerConf().isUseLogStd()) {
            INDArray log10Std = getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray dLog10Std = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray vari = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, log10Std.dataType()), log10Std, false);
            vari.muli(vari);
            INDArray varip1 = vari.mul(decay).addi(batchVar.mul(1 - decay).reshape(vari.shape()));
            dLog10Std.assign(Transforms.log(vari.divi(varip1), false).muli(ONE_ON_2LOGE_10));
            g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, dLog10Std);
        } else {
            INDArray globalVar = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
            INDArray dGlobalVar = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
            dGlobalVar.assign(globalVar.sub(batchVar.reshape(globalVar.shape())).muli(1 - decay));
            g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, dGlobalVar);
        }
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        // the statistics below are this layer's own arrays (the input is not): free them now
        MemoryRelease.freeNow(fastXHat);
        MemoryRelease.freeNow(fastStd);
        MemoryRelease.freeNow(fastMean);
        MemoryRelease.freeNow(fastVar);
        fastXHat = null;
        fastStd = null;
        fastMean = null;
        fastVar = null;
        fastFor = null;
    }
}
