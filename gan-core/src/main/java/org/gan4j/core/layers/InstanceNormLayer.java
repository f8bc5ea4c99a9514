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
import org.nd4j.linalg.ops.transforms.Transforms;

/** The runtime layer of {@link InstanceNormalization}. */
final class InstanceNormLayer extends BaseLayer<InstanceNormalization> {

    InstanceNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** [N, C, 1, 1] statistics of {@code x}: {mean, 1 / sqrt(var + eps)}. */
    private INDArray[] stats(INDArray x) {
        long n = x.size(0);
        long c = x.size(1);
        INDArray mean = x.mean(2, 3).reshape(n, c, 1, 1);
        INDArray var = x.var(false, 2, 3).reshape(n, c, 1, 1);
        INDArray invStd = Transforms.pow(var.addi(layerConf().getEps()), -0.5, false);
        return new INDArray[] {mean, invStd};
    }

    private void checkInput(INDArray x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("InstanceNormalization expects NCHW input (rank 4), got shape "
                    + java.util.Arrays.toString(x.shape()) + " in layer " + layerId());
        }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray x = input.castTo(dataType);
        checkInput(x);
        INDArray[] s = stats(x);
        INDArray y = x.sub(s[0]).muli(s[1]);
        if (layerConf().isAffine()) {
            long c = x.size(1);
            y.muli(getParam(NormParams.GAMMA).reshape(1, c, 1, 1)).addi(getParam(NormParams.BETA).reshape(1, c, 1, 1));
        }
        return mgr.leverageTo(ArrayType.ACTIVATIONS, y);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        long n = x.size(0);
        long c = x.size(1);
        INDArray[] s = stats(x);
        INDArray xHat = x.sub(s[0]).muli(s[1]);
        Gradient gradient = new DefaultGradient();
        INDArray g = epsilon.castTo(dataType);
        if (layerConf().isAffine()) {
            INDArray dGamma = gradientViews.get(NormParams.GAMMA);
            INDArray dBeta = gradientViews.get(NormParams.BETA);
            dGamma.assign(g.mul(xHat).sum(0, 2, 3).reshape(dGamma.shape()));
            dBeta.assign(g.sum(0, 2, 3).reshape(dBeta.shape()));
            gradient.setGradientFor(NormParams.GAMMA, dGamma);
            gradient.setGradientFor(NormParams.BETA, dBeta);
            g = g.mul(getParam(NormParams.GAMMA).reshape(1, c, 1, 1));
        }
        // dx = (g - mean(g) - xHat * mean(g * xHat)) / std, means over each example's channel plane
        INDArray meanG = g.mean(2, 3).reshape(n, c, 1, 1);
        INDArray meanGx = g.mul(xHat).mean(2, 3).reshape(n, c, 1, 1);
        INDArray dx = g.sub(meanG).subi(xHat.muli(meanGx)).muli(s[1]);
        return new Pair<>(gradient, mgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx));
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
