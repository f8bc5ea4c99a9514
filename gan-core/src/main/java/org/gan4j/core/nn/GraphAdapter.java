package org.gan4j.core.nn;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.gan4j.core.layers.InputGradientTap;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Generator} over a single-input, single-output {@link ComputationGraph}. */
final class GraphAdapter extends AbstractNetwork implements Generator {
    private final ComputationGraph graph;
    private final String outputName;
    private final boolean tapped;

    GraphAdapter(ComputationGraph graph, long[] inputShape) {
        super(inputShape);
        this.graph = graph;
        if (graph.getVertices() == null) {
            graph.init();
        }
        Backend.configure(graph); // layers created before the first configuration get their helpers now
        var conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a generator graph needs exactly one input and one output, got "
                    + conf.getNetworkInputs() + " -> " + conf.getNetworkOutputs());
        }
        outputName = conf.getNetworkOutputs().get(0);
        tapped = InputGradientTap.isTapped(graph);
    }

    @Override
    AbstractNetwork newSharingParameters() {
        ComputationGraph copy = new ComputationGraph(graph.getConfiguration().clone());
        copy.init(graph.params(), false);
        return new GraphAdapter(copy, inputShapeOrNull());
    }

    @Override
    public Model model() {
        return graph;
    }

    @Override
    boolean exposesInputGradient() {
        return tapped;
    }

    @Override
    INDArray savedUpdaterState(Model saved) {
        var u = ((ComputationGraph) saved).getUpdater(false);
        return u == null ? null : u.getStateViewArray();
    }

    @Override
    int savedIteration(Model saved) {
        return ((ComputationGraph) saved).getConfiguration().getIterationCount();
    }

    @Override
    int savedEpoch(Model saved) {
        return ((ComputationGraph) saved).getConfiguration().getEpochCount();
    }

    @Override
    INDArray forwardTraining(INDArray input) {
        Map<String, INDArray> acts = graph.feedForward(new INDArray[] {input}, true, false);
        return acts.get(outputName);
    }

    @Override
    public INDArray output(INDArray input) {
        return graph.outputSingle(false, input);
    }

    @Override
    Backprop backpropagate(INDArray outputGradient) {
        Gradient g = graph.backpropGradient(outputGradient);
        return new Backprop(g, tapped ? InputGradientTap.lastGradient(graph) : null);
    }

    @Override
    INDArray gradientView() {
        return graph.getGradientsViewArray();
    }

    @Override
    void runUpdater(Gradient gradient, int iteration, int epoch, int batchSize) {
        graph.getUpdater().update(gradient, iteration, epoch, batchSize, NO_WORKSPACES);
    }

    @Override
    INDArray updaterStateOrNull() {
        var u = graph.getUpdater();
        return u == null ? null : u.getStateViewArray();
    }

    @Override
    public INDArray params() {
        return graph.params();
    }

    @Override
    public int iteration() {
        return graph.getConfiguration().getIterationCount();
    }

    @Override
    void setIteration(int iteration) {
        graph.getConfiguration().setIterationCount(iteration);
    }

    @Override
    public int epoch() {
        return graph.getConfiguration().getEpochCount();
    }

    @Override
    public void setEpoch(int epoch) {
        graph.getConfiguration().setEpochCount(epoch);
    }
}
