package org.gan4j.core.layers;

import org.deeplearning4j.nn.api.Layer.TrainingMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link BatchNorm}: DL4J's batch norm layer with its own training forward and backward
 * passes for rank-2 input.
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
        return training == TrainingMode.TRAIN && x.rank() == 2 && !layerConf().isLockGammaBeta()
                && x.dataType().isFPType() && x.size(1) == layerConf().getNOut();
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (!fastPath(x, training)) {
            return super.preOutput(x, training, workspaceMgr);
        }
        INDArray in = x.castTo(dataType);
        long n = in.size(0);
        long c = in.size(1);
        // batch statistics live as long as the input (until the backward pass)
        INDArray mean = workspaceMgr.leverageTo(ArrayType.INPUT, in.mean(0).reshape(c));
        INDArray xMuArr = workspaceMgr.createUninitialized(ArrayType.INPUT, dataType, new long[] {n, c}, 'c');
        Nd4j.exec(new BroadcastSubOp(in, mean, xMuArr, 1));
        INDArray sq = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, new long[] {n, c}, 'c');
        Nd4j.exec(new MulOp(xMuArr, xMuArr, sq));
        INDArray var = workspaceMgr.leverageTo(ArrayType.INPUT, sq.mean(0).reshape(c)); // biased, as DL4J's
        INDArray std = Transforms.sqrt(workspaceMgr.dup(ArrayType.INPUT, var).addi(layerConf().getEps()), false);
        Nd4j.exec(new BroadcastDivOp(xMuArr, std, xMuArr, 1)); // now x_hat
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {n, c}, 'c');
        Nd4j.exec(new BroadcastMulOp(xMuArr, param(BatchNormalizationParamInitializer.GAMMA), out, 1));
        Nd4j.exec(new BroadcastAddOp(out, param(BatchNormalizationParamInitializer.BETA), out, 1));
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
        if (fastXHat == null || fastFor != input || epsilon.rank() != 2) {
            forget();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray dy = epsilon.castTo(dataType);
        long n = dy.size(0);
        long c = dy.size(1);
        INDArray gamma = param(BatchNormalizationParamInitializer.GAMMA);
        INDArray dGammaView = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray dBetaView = gradientViews.get(BatchNormalizationParamInitializer.BETA);

        INDArray dBeta = dy.sum(0).reshape(c);
        INDArray t = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, new long[] {n, c}, 'c');
        Nd4j.exec(new MulOp(dy, fastXHat, t));
        INDArray dGamma = t.sum(0).reshape(c);
        // dx = gamma / std * (dy - mean(dy) - x_hat * mean(dy * x_hat))
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, new long[] {n, c}, 'c');
        Nd4j.exec(new BroadcastSubOp(dy, dBeta.div(n), dx, 1));
        Nd4j.exec(new BroadcastMulOp(fastXHat, dGamma.div(n), t, 1));
        dx.subi(t);
        Nd4j.exec(new BroadcastMulOp(dx, gamma.div(fastStd), dx, 1));

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
        fastXHat = null;
        fastStd = null;
        fastMean = null;
        fastVar = null;
        fastFor = null;
    }
}
