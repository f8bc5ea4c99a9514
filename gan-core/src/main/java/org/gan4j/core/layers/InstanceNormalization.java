package org.gan4j.core.layers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Instance normalization (Ulyanov et al. 2016) for NCHW input: every channel of every example is
 * normalised by its own spatial mean and (biased) variance, {@code y = (x - mean) / sqrt(var + eps)},
 * in training and inference alike (no running statistics, as PyTorch's {@code InstanceNorm2d}
 * defaults and CycleGAN use it).
 *
 * <p>Defaults: {@code eps = 1e-5}, no affine parameters (CycleGAN's {@code InstanceNorm2d(affine=False)}).
 * With {@link Builder#affine(boolean) affine(true)} it learns a per-channel scale (gamma, starts at 1)
 * and shift (beta, starts at 0): {@code 2 x channels} parameters. The number of channels is taken
 * from the input type.
 */
public class InstanceNormalization extends FeedForwardLayer {
    private double eps = 1e-5;
    private boolean affine;

    /** For JSON deserialisation; use {@link #builder()}. */
    public InstanceNormalization() {}

    private InstanceNormalization(Builder b) {
        super(b);
        this.eps = b.eps;
        this.affine = b.affine;
    }

    /** A builder: eps 1e-5, no affine parameters. */
    public static Builder builder() {
        return new Builder();
    }

    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public boolean isAffine() {
        return affine;
    }

    public void setAffine(boolean affine) {
        this.affine = affine;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        LayerValidation.assertNOutSet("InstanceNormalization", getLayerName(), layerIndex, getNOut());
        InstanceNormLayer layer = new InstanceNormLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return NormParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        requireCnn(inputType);
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireCnn(inputType);
        if (nIn <= 0 || override) {
            nIn = ((InputType.InputTypeConvolutional) inputType).getChannels();
            nOut = nIn;
        }
    }

    private void requireCnn(InputType inputType) {
        if (inputType == null || inputType.getType() != InputType.Type.CNN) {
            throw new IllegalStateException("InstanceNormalization (layer '" + getLayerName()
                    + "') needs convolutional NCHW input, got " + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long perExample = inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, InstanceNormalization.class, inputType, inputType)
                .standardMemory(initializer().numParams(this), 0)
                .workingMemory(0, 2 * perExample, 0, 3 * perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Settings of {@link InstanceNormalization}. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private double eps = 1e-5;
        private boolean affine;

        private Builder() {}

        /** Added to the variance (default 1e-5, PyTorch's). */
        public Builder eps(double eps) {
            if (!(eps > 0)) {
                throw new IllegalArgumentException("eps must be positive, got " + eps);
            }
            this.eps = eps;
            return this;
        }

        /** Learn a per-channel scale and shift (default false, as CycleGAN). */
        public Builder affine(boolean on) {
            this.affine = on;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public InstanceNormalization build() {
            return new InstanceNormalization(this);
        }
    }
}
