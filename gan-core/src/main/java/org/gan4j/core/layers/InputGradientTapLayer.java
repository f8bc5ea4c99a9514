package org.gan4j.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The runtime layer of {@link InputGradientTap}: identity forward, keeps a detached copy of the gradient. */
final class InputGradientTapLayer extends ParameterFreeLayer<InputGradientTap> {
    private INDArray gradient;

    InputGradientTapLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    INDArray inputGradient() {
        return gradient;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        gradient = null;
        return mgr.dup(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        gradient = epsilon.isAttached() ? epsilon.detach() : epsilon.dup();
        return new Pair<>(new DefaultGradient(), mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon));
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }
}
