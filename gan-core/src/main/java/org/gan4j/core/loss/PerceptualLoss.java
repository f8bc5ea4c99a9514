package org.gan4j.core.loss;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.gan4j.core.layers.InputGradientTap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Content ("perceptual", "VGG") loss: mean squared error between the activations of one layer of a fixed
 * feature network for a prediction and its target (Johnson et al. 2016; SRGAN's VGG54 loss is
 * layer {@code block5_conv4} of VGG19, after ReLU, with the features divided by 12.75).
 *
 * <p>Any DL4J {@link ComputationGraph} works, e.g. a VGG19 from DL4J's model zoo or imported from Keras
 * with {@code KerasModelImport.importKerasModelAndWeights("vgg19.h5")}. The network is never trained: this
 * class builds a private copy cut at {@code layer}, with frozen wrappers removed (they would stop the
 * gradient), an {@link InputGradientTap} after the input (DL4J returns no input gradient for graphs) and
 * workspaces off, and copies the parameters by layer name. Layers run in inference mode (dropout off,
 * batch norm with its running statistics; batch norm's backward pass in inference mode is DL4J's and is
 * not checked here: VGG has none).
 *
 * <p>Images come in as NCHW RGB in [-1, 1]; {@link InputScaling} says what the network expects.
 */
public final class PerceptualLoss {
    private static final String TAP = "gan4j-input-tap";
    private static final double[] CAFFE_MEAN_BGR = {103.939, 116.779, 123.68};

    /** How [-1, 1] RGB images are mapped to the feature network's input. */
    public enum InputScaling {
        /** As they are: RGB in [-1, 1]. */
        SIGNED,
        /** RGB in [0, 1]. */
        UNIT,
        /** Keras/Caffe VGG ("caffe" preprocessing): BGR in 0..255 minus the ImageNet channel means. */
        CAFFE
    }

    private final ComputationGraph graph;
    private final String layer;
    private final InputScaling scaling;
    private final double featureScale;

    private PerceptualLoss(ComputationGraph graph, String layer, InputScaling scaling, double featureScale) {
        this.graph = graph;
        this.layer = layer;
        this.scaling = scaling;
        this.featureScale = featureScale;
    }

    /**
     * @param network a trained single-input graph (it is copied, not modified)
     * @param layer the name of the layer whose activations are compared
     * @param featureScale the features are multiplied by this before the MSE (SRGAN: 1 / 12.75)
     */
    public static PerceptualLoss of(ComputationGraph network, String layer, InputScaling scaling, double featureScale) {
        ComputationGraphConfiguration conf = network.getConfiguration().clone();
        if (conf.getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException("the feature network needs one input, has " + conf.getNetworkInputs());
        }
        if (!conf.getVertices().containsKey(layer)) {
            throw new IllegalArgumentException("the feature network has no layer '" + layer + "'; layers: "
                    + conf.getVertices().keySet());
        }
        String input = conf.getNetworkInputs().get(0);
        // keep the ancestors of the feature layer only
        Set<String> keep = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(layer));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (keep.add(v) && conf.getVertexInputs().containsKey(v)) {
                todo.addAll(conf.getVertexInputs().get(v));
            }
        }
        Map<String, GraphVertex> vertices = new LinkedHashMap<>();
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        LayerVertex template = null;
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            if (!keep.contains(e.getKey())) {
                continue;
            }
            GraphVertex v = e.getValue();
            if (v instanceof LayerVertex lv) {
                var l = lv.getLayerConf().getLayer();
                if (l instanceof FrozenLayer f) {
                    lv.getLayerConf().setLayer(f.getLayer());
                } else if (l instanceof FrozenLayerWithBackprop f) {
                    lv.getLayerConf().setLayer(f.getUnderlying());
                }
                lv.setOutputVertex(false);
                template = lv;
            }
            vertices.put(e.getKey(), v);
            List<String> in = new ArrayList<>(conf.getVertexInputs().get(e.getKey()));
            in.replaceAll(s -> s.equals(input) ? TAP : s);
            inputs.put(e.getKey(), in);
        }
        if (template == null) {
            throw new IllegalArgumentException("the feature network has no layers before '" + layer + "'");
        }
        var tapConf = template.getLayerConf().clone();
        InputGradientTap tap = new InputGradientTap();
        tap.setLayerName(TAP);
        tapConf.setLayer(tap);
        Map<String, GraphVertex> withTap = new LinkedHashMap<>();
        withTap.put(TAP, new LayerVertex(tapConf, null));
        withTap.putAll(vertices);
        Map<String, List<String>> inputsWithTap = new LinkedHashMap<>();
        inputsWithTap.put(TAP, List.of(input));
        inputsWithTap.putAll(inputs);
        conf.setVertices(withTap);
        conf.setVertexInputs(inputsWithTap);
        conf.setNetworkOutputs(List.of(layer));
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        conf.setValidateOutputLayerConfig(false);
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        ComputationGraph copy = new ComputationGraph(conf);
        copy.init();
        for (var l : copy.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (TAP.equals(name)) {
                continue;
            }
            var from = network.getLayer(name);
            for (Map.Entry<String, INDArray> p : l.paramTable().entrySet()) {
                p.getValue().assign(from.getParam(p.getKey()));
            }
        }
        return new PerceptualLoss(copy, layer, scaling, featureScale);
    }

    /** The layer whose activations are compared. */
    public String layer() {
        return layer;
    }

    /** Features of images in [-1, 1] (inference; scaled by the feature scale). */
    public INDArray features(INDArray images) {
        return graph.outputSingle(false, scaleIn(images)).mul(featureScale);
    }

    /** Mean squared feature difference and its gradient w.r.t. {@code prediction}. */
    public LossValue compute(INDArray prediction, INDArray target) {
        ReconstructionLoss.check(prediction, target);
        INDArray ft = features(target);
        Map<String, INDArray> acts = graph.feedForward(new INDArray[] {scaleIn(prediction)}, false, false);
        INDArray fp = acts.get(layer).mul(featureScale);
        LossValue mse = ReconstructionLoss.L2.compute(fp, ft);
        graph.backpropGradient(mse.gradient().mul(featureScale));
        INDArray g = InputGradientTap.lastGradient(graph);
        graph.clearLayersStates();
        return new LossValue(mse.value(), scaleGradient(g).castTo(prediction.dataType()));
    }

    private INDArray scaleIn(INDArray x) {
        INDArray in = x.castTo(graph.getConfiguration().getDataType());
        return switch (scaling) {
            case SIGNED -> in;
            case UNIT -> in.add(1).muli(0.5);
            case CAFFE -> {
                requireRgb(in);
                INDArray bgr = Nd4j.concat(1, channel(in, 2), channel(in, 1), channel(in, 0)).addi(1).muli(127.5);
                for (int c = 0; c < 3; c++) {
                    channel(bgr, c).subi(CAFFE_MEAN_BGR[c]);
                }
                yield bgr;
            }
        };
    }

    private INDArray scaleGradient(INDArray g) {
        return switch (scaling) {
            case SIGNED -> g;
            case UNIT -> g.mul(0.5);
            case CAFFE -> Nd4j.concat(1, channel(g, 2), channel(g, 1), channel(g, 0)).muli(127.5);
        };
    }

    private static INDArray channel(INDArray x, int c) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private static void requireRgb(INDArray x) {
        if (x.rank() != 4 || x.size(1) != 3) {
            throw new IllegalArgumentException("CAFFE scaling needs NCHW RGB images, got " + java.util.Arrays.toString(x.shape()));
        }
    }
}
