package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity layer that remembers the gradient flowing back through it. Put right after a
 * ComputationGraph's input, it yields the graph's input gradient, which DL4J 1.0.0-M2.1 does not return
 * for graphs: run {@code graph.feedForward(inputs, train, false)}, then {@code graph.backpropGradient(eps)},
 * then {@link #lastGradient(org.deeplearning4j.nn.api.Layer) lastGradient(graph.getLayer(name))}.
 * Accepts any input type; no parameters.
 */
public class GradientTap extends NoParamLayer {

    /** For JSON deserialisation and direct use. */
    public GradientTap() {}

    /**
     * The gradient w.r.t. the tap's output (= its input) from the most recent backward pass through it,
     * detached from any workspace, or null before the first one.
     *
     * @param layer the runtime layer, e.g. {@code graph.getLayer("tap")}
     * @throws IllegalArgumentException if {@code layer} is not a tap
     */
    public static INDArray lastGradient(org.deeplearning4j.nn.api.Layer layer) {
        if (!(layer instanceof GradientTapImpl tap)) {
            throw new IllegalArgumentException("not a GradientTap layer: " + (layer == null ? null : layer.getClass()));
        }
        return tap.lastGradient();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return LayerSupport.wire(new GradientTapImpl(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return LayerSupport.noParams(layerName, GradientTap.class, inputType, inputType);
    }

    @Override
    public GradientTap clone() {
        return (GradientTap) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientTap t && java.util.Objects.equals(t.layerName, layerName);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(layerName);
    }
}
