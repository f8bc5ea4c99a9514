package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every layer configuration here does the same way. */
final class LayerSupport {
    private LayerSupport() {}

    /** Connects a new runtime layer to its configuration, listeners and parameter view (DL4J's instantiate). */
    static Layer wire(Layer layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
            INDArray paramsView, boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(conf.getLayer().initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** Memory report of a layer without parameters or cache. */
    static LayerMemoryReport noParams(String name, Class<? extends org.deeplearning4j.nn.conf.layers.Layer> type,
            InputType in, InputType out) {
        return new LayerMemoryReport.Builder(name, type, in, out)
                .standardMemory(0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }
}
