package org.gan4j.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PReLU for NCHW activations of any spatial size (He et al. 2015): {@code f(x) = x} for x > 0, {@code a_c x}
 * otherwise, with one learned slope per channel ({@code channels}), or one slope for all channels
 * ({@code shared}, PyTorch's {@code nn.PReLU()} default, used by common SRGAN code). Slopes start at
 * {@code initialSlope} (default 0.25, as PyTorch). The parameter is called {@code alpha}; it is not
 * regularised.
 *
 * <p>Why not DL4J's {@code PReLULayer}: in 1.0.0-M2.1 it needs a fixed input shape, and per-channel slopes
 * ({@code sharedAxes(2,3)}) crash in the native {@code prelu_bp} op.
 */
public class ChannelPReLU extends BaseLayer {
    private long channels;
    private boolean shared;
    private double initialSlope = 0.25;

    /** For JSON deserialisation. */
    public ChannelPReLU() {}

    /**
     * @param channels number of channels of the input (the slope count when not shared)
     * @param shared one slope for all channels
     */
    public ChannelPReLU(long channels, boolean shared) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        this.channels = channels;
        this.shared = shared;
    }

    public long getChannels() {
        return channels;
    }

    public void setChannels(long channels) {
        this.channels = channels;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
    }

    public double getInitialSlope() {
        return initialSlope;
    }

    public void setInitialSlope(double initialSlope) {
        this.initialSlope = initialSlope;
    }

    /** Number of slopes. */
    public long slopes() {
        return shared ? 1 : channels;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return LayerSupport.wire(new ChannelPReLUImpl(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return ChannelPReLUImpl.Params.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutional c && c.getChannels() != channels) {
            throw new IllegalStateException("ChannelPReLU (layer " + getLayerName() + ") was built for " + channels
                    + " channels, input has " + c.getChannels());
        }
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (channels == 0 && inputType instanceof InputType.InputTypeConvolutional c) {
            channels = c.getChannels();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public java.util.List<org.nd4j.linalg.learning.regularization.Regularization> getRegularizationByParam(String p) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, ChannelPReLU.class, inputType, inputType)
                .standardMemory(slopes(), 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0)
                .build();
    }

    @Override
    public ChannelPReLU clone() {
        return (ChannelPReLU) super.clone();
    }
}
