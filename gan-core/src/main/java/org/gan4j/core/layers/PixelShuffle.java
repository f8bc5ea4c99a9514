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
 * Pixel shuffle (depth to space), the upsampling of ESPCN (Shi et al. 2016) and SRGAN: NCHW input
 * {@code [N, C*r*r, H, W]} becomes {@code [N, C, H*r, W*r]} with
 * {@code out[n, c, h*r + i, w*r + j] = in[n, c*r*r + i*r + j, h, w]}, PyTorch's {@code nn.PixelShuffle(r)}
 * order (TensorFlow's {@code depth_to_space} orders the channels differently; for a learned convolution
 * before it the two are equivalent, for imported PyTorch weights only this order is). No parameters; the
 * backward pass is the inverse permutation. Any spatial size works (no fixed input shape).
 */
public class PixelShuffle extends NoParamLayer {
    private int factor = 2;

    /** For JSON deserialisation. */
    public PixelShuffle() {}

    /** Upscales by {@code factor} (e.g. 2). */
    public PixelShuffle(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        this.factor = factor;
    }

    public int getFactor() {
        return factor;
    }

    public void setFactor(int factor) {
        this.factor = factor;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return LayerSupport.wire(new PixelShuffleImpl(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalStateException("PixelShuffle (layer " + getLayerName() + ") needs CNN input, got " + inputType);
        }
        long r2 = (long) factor * factor;
        if (c.getChannels() % r2 != 0) {
            throw new IllegalStateException("PixelShuffle(" + factor + ") needs channels divisible by " + r2 + ", got "
                    + c.getChannels());
        }
        return InputType.convolutional(c.getHeight() * factor, c.getWidth() * factor, c.getChannels() / r2,
                c.getFormat());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return LayerSupport.noParams(layerName, PixelShuffle.class, inputType, getOutputType(-1, inputType));
    }

    @Override
    public PixelShuffle clone() {
        return (PixelShuffle) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelShuffle p && p.factor == factor && java.util.Objects.equals(p.layerName, layerName);
    }

    @Override
    public int hashCode() {
        return 31 * factor + java.util.Objects.hashCode(layerName);
    }
}
