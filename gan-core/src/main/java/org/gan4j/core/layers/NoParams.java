package org.gan4j.core.layers;

import java.util.Collection;
import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the parameter-free layers of this package share when DL4J instantiates them. */
final class NoParams {
    private NoParams() {}

    static <L extends org.deeplearning4j.nn.layers.AbstractLayer<?>> L instantiate(
            BiFunction<NeuralNetConfiguration, DataType, L> factory, NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize,
            DataType dataType) {
        L layer = factory.apply(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(EmptyParamInitializer.getInstance().init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }

    static void requireCnn(org.deeplearning4j.nn.conf.inputs.InputType t, String what) {
        if (t == null || t.getType() != org.deeplearning4j.nn.conf.inputs.InputType.Type.CNN) {
            throw new IllegalStateException(what + " needs convolutional NCHW input, got " + t);
        }
    }
}
