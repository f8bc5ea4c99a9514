package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fixed bicubic upsampling of NCHW input by an integer factor, then {@code scale * y + offset}: MATLAB
 * imresize's bicubic weights ({@link org.gan4j.core.image.Bicubic#matrix}) applied as two matrix products,
 * without 8-bit rounding; the backward pass is the transposed products. No parameters; any input size.
 * Used for a global residual connection in super-resolution ({@code offset -1, scale 2} maps [0, 1] input
 * to [-1, 1]).
 */
public class BicubicUpsampling extends NoParamLayer {
    private int factor = 2;
    private double scale = 1;
    private double offset;

    /** For JSON deserialisation. */
    public BicubicUpsampling() {}

    /** Upsamples by {@code factor}, then multiplies by {@code scale} and adds {@code offset}. */
    public BicubicUpsampling(int factor, double scale, double offset) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        this.factor = factor;
        this.scale = scale;
        this.offset = offset;
    }

    public int getFactor() {
        return factor;
    }

    public void setFactor(int factor) {
        this.factor = factor;
    }

    public double getScale() {
        return scale;
    }

    public void setScale(double scale) {
        this.scale = scale;
    }

    public double getOffset() {
        return offset;
    }

    public void setOffset(double offset) {
        this.offset = offset;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return LayerSupport.wire(new BicubicUpsamplingImpl(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalStateException("BicubicUpsampling (layer " + getLayerName() + ") needs CNN input, got " + inputType);
        }
        return InputType.convolutional(c.getHeight() * factor, c.getWidth() * factor, c.getChannels(), c.getFormat());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return LayerSupport.noParams(layerName, BicubicUpsampling.class, inputType, getOutputType(-1, inputType));
    }

    @Override
    public BicubicUpsampling clone() {
        return (BicubicUpsampling) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BicubicUpsampling b && b.factor == factor && b.scale == scale && b.offset == offset
                && java.util.Objects.equals(b.layerName, layerName);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(factor, scale, offset, layerName);
    }
}
