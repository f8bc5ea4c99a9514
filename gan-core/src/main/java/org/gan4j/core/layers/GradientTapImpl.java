package org.gan4j.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The runtime layer of {@link GradientTap}. */
final class GradientTapImpl extends NoParamLayerImpl<GradientTap> {
    private INDArray lastGradient;

    GradientTapImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    INDArray lastGradient() {
        return lastGradient;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        return mgr.dup(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        try (var ignored = org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            lastGradient = epsilon.dup();
        }
        return new Pair<>(new DefaultGradient(), mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon));
    }
}
