package org.gan4j.core.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Parameters of an affine {@link InstanceNormalization}: gamma then beta, one per channel (none otherwise). */
final class NormParams implements ParamInitializer {
    static final NormParams INSTANCE = new NormParams();
    static final String GAMMA = "gamma";
    static final String BETA = "beta";

    private NormParams() {}

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        InstanceNormalization l = (InstanceNormalization) layer;
        return l.isAffine() ? 2 * l.getNOut() : 0;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return ((InstanceNormalization) layer).isAffine() ? List.of(GAMMA, BETA) : List.of();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> views = split(conf, paramsView);
        if (initializeParams && !views.isEmpty()) {
            views.get(GAMMA).assign(1);
            views.get(BETA).assign(0);
        }
        views.keySet().forEach(conf::addVariable);
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split(conf, gradientView);
    }

    private static Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray flat) {
        InstanceNormalization l = (InstanceNormalization) conf.getLayer();
        Map<String, INDArray> m = Collections.synchronizedMap(new LinkedHashMap<>());
        if (!l.isAffine()) {
            return m;
        }
        long c = l.getNOut();
        INDArray v = flat.reshape(flat.length());
        m.put(GAMMA, v.get(NDArrayIndex.interval(0, c)));
        m.put(BETA, v.get(NDArrayIndex.interval(c, 2 * c)));
        return m;
    }
}
