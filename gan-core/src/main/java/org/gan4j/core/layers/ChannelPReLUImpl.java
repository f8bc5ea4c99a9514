package org.gan4j.core.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
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

/** The runtime layer of {@link ChannelPReLU}. */
final class ChannelPReLUImpl extends BaseLayer<ChannelPReLU> {
    static final String ALPHA = "alpha";

    ChannelPReLUImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    private INDArray alpha4(long channels) {
        INDArray a = getParam(ALPHA).reshape(1, layerConf().slopes(), 1, 1);
        return layerConf().isShared() ? a.repeat(1, channels) : a;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        INDArray x = input;
        INDArray pos = Transforms.max(x, 0.0, true);
        INDArray neg = Transforms.min(x, 0.0, true).muli(alpha4(x.size(1)));
        return mgr.leverageTo(ArrayType.ACTIVATIONS, pos.addi(neg));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray x = input;
        INDArray isPos = x.gt(0.0).castTo(x.dataType());
        INDArray slope = isPos.add(isPos.rsub(1.0).muli(alpha4(x.size(1))));
        INDArray dx = epsilon.mul(slope);
        INDArray perChannel = epsilon.mul(Transforms.min(x, 0.0, true)).sum(0, 2, 3);
        INDArray view = gradientViews.get(ALPHA);
        view.assign(layerConf().isShared() ? perChannel.sum() : perChannel.reshape(view.shape()));
        Gradient g = new DefaultGradient();
        g.setGradientFor(ALPHA, view);
        return new Pair<>(g, mgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx));
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /** One parameter vector "alpha" of {@link ChannelPReLU#slopes()} values. */
    static final class Params implements ParamInitializer {
        static final Params INSTANCE = new Params();

        @Override
        public long numParams(NeuralNetConfiguration conf) {
            return numParams(conf.getLayer());
        }

        @Override
        public long numParams(org.deeplearning4j.nn.conf.layers.Layer layer) {
            return ((ChannelPReLU) layer).slopes();
        }

        @Override
        public List<String> paramKeys(org.deeplearning4j.nn.conf.layers.Layer layer) {
            return Collections.singletonList(ALPHA);
        }

        @Override
        public List<String> weightKeys(org.deeplearning4j.nn.conf.layers.Layer layer) {
            return Collections.emptyList();
        }

        @Override
        public List<String> biasKeys(org.deeplearning4j.nn.conf.layers.Layer layer) {
            return Collections.emptyList();
        }

        @Override
        public boolean isWeightParam(org.deeplearning4j.nn.conf.layers.Layer layer, String key) {
            return false;
        }

        @Override
        public boolean isBiasParam(org.deeplearning4j.nn.conf.layers.Layer layer, String key) {
            return false;
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray view, boolean initialize) {
            ChannelPReLU l = (ChannelPReLU) conf.getLayer();
            INDArray alpha = view.reshape(view.length());
            if (initialize) {
                alpha.assign(l.getInitialSlope());
            }
            Map<String, INDArray> m = new LinkedHashMap<>();
            m.put(ALPHA, alpha);
            conf.addVariable(ALPHA);
            return m;
        }

        @Override
        public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray view) {
            Map<String, INDArray> m = new LinkedHashMap<>();
            m.put(ALPHA, view.reshape(view.length()));
            return m;
        }
    }
}
