package org.gan4j.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity layer that remembers the gradient flowing back through it. Placed directly after a
 * {@code ComputationGraph}'s input (as the input's only consumer), it gives the graph's gradient
 * w.r.t. its input, which DL4J 1.0.0-M2.1 computes but clears before a caller can read it. CycleGAN
 * and DiscoGAN need it to train one generator through another.
 *
 * <p>Read it with {@link #lastGradient(ComputationGraph)} after {@code backpropGradient}; it is a
 * copy outside any workspace, of the gradient passed to that call (DL4J's sum convention).
 */
public class InputGradientTap extends ParameterFreeConf {

    /** The layer; add it with {@code addLayer("tap", new InputGradientTap(), "input")}. */
    public InputGradientTap() {}

    /**
     * The gradient w.r.t. the graph input from the last backward pass, or null if none ran since the
     * last forward pass.
     *
     * @throws IllegalArgumentException if the graph has no tap that is its input's only consumer
     */
    public static INDArray lastGradient(ComputationGraph graph) {
        return find(graph).inputGradient();
    }

    /** Whether {@code graph} has a tap that is the only consumer of its (single) input. */
    public static boolean isTapped(ComputationGraph graph) {
        try {
            find(graph);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static InputGradientTapLayer find(ComputationGraph graph) {
        if (graph.getVertices() == null) {
            graph.init();
        }
        var inputs = graph.getConfiguration().getNetworkInputs();
        if (inputs.size() == 1) {
            GraphVertex input = graph.getVertex(inputs.get(0));
            var consumers = input.getOutputVertices();
            if (consumers != null && consumers.length == 1) {
                GraphVertex next = graph.getVertices()[consumers[0].getVertexIndex()];
                if (next.hasLayer() && next.getLayer() instanceof InputGradientTapLayer tap) {
                    return tap;
                }
            }
        }
        throw new IllegalArgumentException("the graph has no InputGradientTap as the only consumer of its single input "
                + inputs + "; add one with addLayer(\"tap\", new InputGradientTap(), INPUT) and feed the rest from it");
    }

    @Override
    ParameterFreeLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new InputGradientTapLayer(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }
}
