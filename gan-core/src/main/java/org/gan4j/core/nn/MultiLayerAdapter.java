package org.gan4j.core.nn;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Generator} / {@link Discriminator} over a {@link MultiLayerNetwork}. */
class MultiLayerAdapter extends AbstractNetwork implements Generator, Discriminator {
    final MultiLayerNetwork net;

    MultiLayerAdapter(MultiLayerNetwork net, long[] inputShape) {
        super(inputShape);
        this.net = net;
        if (net.getLayers() == null) {
            net.init();
        }
        Backend.configure(net); // layers created before the first configuration get their helpers now
        if (net.getOutputLayer() instanceof IOutputLayer) {
            throw new IllegalArgumentException("the network ends in an output layer ("
                    + net.getOutputLayer().getClass().getSimpleName()
                    + "); gan4j computes losses itself: end it with a DenseLayer/ConvolutionLayer/ActivationLayer");
        }
    }

    @Override
    AbstractNetwork newSharingParameters() {
        MultiLayerNetwork copy = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        copy.init(net.params(), false);
        return new MultiLayerAdapter(copy, inputShapeOrNull());
    }

    @Override
    public Model model() {
        return net;
    }

    @Override
    INDArray savedUpdaterState(Model saved) {
        Updater u = ((MultiLayerNetwork) saved).getUpdater(false);
        return u == null ? null : u.getStateViewArray();
    }

    @Override
    int savedIteration(Model saved) {
        return ((MultiLayerNetwork) saved).getIterationCount();
    }

    @Override
    int savedEpoch(Model saved) {
        return ((MultiLayerNetwork) saved).getEpochCount();
    }

    @Override
    INDArray forwardTraining(INDArray input) {
        net.setInput(input);
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    @Override
    public INDArray output(INDArray input) {
        return net.output(input, false);
    }

    @Override
    boolean exposesInputGradient() {
        return true;
    }

    @Override
    Backprop backpropagate(INDArray outputGradient) {
        Pair<Gradient, INDArray> p = net.backpropGradient(outputGradient, NO_WORKSPACES);
        return new Backprop(p.getFirst(), p.getSecond());
    }

    @Override
    INDArray gradientView() {
        return net.getGradientsViewArray();
    }

    @Override
    void runUpdater(Gradient gradient, int iteration, int epoch, int batchSize) {
        net.getUpdater().update(net, gradient, iteration, epoch, batchSize, NO_WORKSPACES);
    }

    @Override
    INDArray updaterStateOrNull() {
        Updater u = net.getUpdater();
        return u == null ? null : u.getStateViewArray();
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public int iteration() {
        return net.getIterationCount();
    }

    @Override
    void setIteration(int iteration) {
        net.setIterationCount(iteration);
    }

    @Override
    public int epoch() {
        return net.getEpochCount();
    }

    @Override
    public void setEpoch(int epoch) {
        net.setEpochCount(epoch);
    }
}
