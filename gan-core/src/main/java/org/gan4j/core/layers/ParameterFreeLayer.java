package org.gan4j.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/** Runtime side of the layers configured through {@link ParameterFreeConf}; the shared behaviour is in {@link NoParamLayerImpl}. */
abstract class ParameterFreeLayer<C extends ParameterFreeConf> extends NoParamLayerImpl<C> {

    ParameterFreeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }
}
