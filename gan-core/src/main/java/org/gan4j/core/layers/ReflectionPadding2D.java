package org.gan4j.core.layers;

import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reflection padding of NCHW input, as PyTorch's {@code ReflectionPad2d}: the border row or column is
 * not repeated ({@code [a b c d]} padded by 2 on the left is {@code [c b a b c d]}). Each pad must be
 * smaller than the input in its dimension.
 *
 * <p>DL4J's own {@code sd.nn.pad(REFLECT)} gives wrong gradients in M2.1; this layer copies
 * strided slices forward and folds them back in the backward pass.
 */
public class ReflectionPadding2D extends NoParamLayer {
    private int[] padding = {0, 0, 0, 0};

    /** For JSON deserialisation. */
    public ReflectionPadding2D() {}

    /** The same pad on all four sides (e.g. 3 before CycleGAN's 7x7 convolutions). */
    public ReflectionPadding2D(int pad) {
        this(pad, pad, pad, pad);
    }

    /** Pads {top, bottom, left, right}. */
    public ReflectionPadding2D(int top, int bottom, int left, int right) {
        setPadding(new int[] {top, bottom, left, right});
    }

    /** {top, bottom, left, right}. */
    public int[] getPadding() {
        return padding.clone();
    }

    public void setPadding(int[] padding) {
        if (padding == null || padding.length != 4 || Arrays.stream(padding).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("padding must be 4 non-negative values {top, bottom, left, right}, got "
                    + Arrays.toString(padding));
        }
        this.padding = padding.clone();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return NoParams.instantiate(ReflectionPadLayer::new, conf, listeners, layerIndex, paramsView,
                initializeParams, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        NoParams.requireCnn(inputType, "ReflectionPadding2D");
        var c = (InputType.InputTypeConvolutional) inputType;
        if (padding[0] >= c.getHeight() || padding[1] >= c.getHeight() || padding[2] >= c.getWidth()
                || padding[3] >= c.getWidth()) {
            throw new IllegalStateException("reflection padding " + Arrays.toString(padding)
                    + " must be smaller than the input (" + c.getHeight() + "x" + c.getWidth() + ")");
        }
        return InputType.convolutional(c.getHeight() + padding[0] + padding[1], c.getWidth() + padding[2] + padding[3],
                c.getChannels());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {}

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, ReflectionPadding2D.class, inputType, out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }
}
