package org.gan4j.core.layers;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link BatchNormalization} (same configuration, parameters,
 * running statistics and results) whose training passes use a few fast element-wise passes, for dense
 * ({@code [batch, features]}) and 2D convolutional (NCHW or NHWC) input; inference, locked gamma/beta and
 * other inputs run DL4J's code.
 *
 * <p>DL4J 1.0.0-M2.1 runs batch norm through its oneDNN helper; a dense input goes in as an NCHW
 * {@code [N, C, 1, 1]} image, whose backward kernel is slow for many features: 36 ms for 64 x 12,544
 * floats on one thread (the DCGAN generator's batch norm after its dense layer), 11 ms forward; the
 * 64 x 64 x 14 x 14 image layer takes 9 + 9 ms. This class computes the batch mean, the biased batch
 * variance, {@code x_hat} and the output with pairwise broadcasting passes and contiguous reductions, and
 * the backward pass as {@code dx = gamma / std * (dy - mean(dy) - x_hat * mean(dy * x_hat))} (4-5 ms each
 * way for either layer), and updates the running mean and variance (or log10 standard deviation) as DL4J
 * does.
 */
public class BatchNorm extends BatchNormalization {
    /** For JSON deserialisation; use {@link Builder}. */
    public BatchNorm() {
        super();
    }

    @Override
    public BatchNorm clone() {
        return (BatchNorm) super.clone();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("BatchNorm", getLayerName(), layerIndex, getNOut());
        return LayerSupport.wire(new BatchNormLayer(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /**
     * Builder with all of {@link BatchNormalization.Builder}'s options; {@link #build()} returns a
     * {@link BatchNorm} (a chain's {@code build()} is typed {@code BatchNormalization}; it is still this layer).
     */
    public static class Builder extends BatchNormalization.Builder {
        /** DL4J's defaults (decay 0.9, eps 1e-5, learned gamma and beta, log10 std running estimate). */
        public Builder() {
            super();
        }

        @Override
        public BatchNorm build() {
            return copyOf(super.build());
        }
    }

    /** DL4J's configuration constructor is private: copy every field of the configuration DL4J's builder built. */
    private static BatchNorm copyOf(BatchNormalization built) {
        BatchNorm out = new BatchNorm();
        try {
            for (Class<?> c = BatchNormalization.class; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(out, f.get(built));
                    }
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("BatchNorm: cannot copy DL4J's BatchNormalization configuration ("
                    + e + "); is the DL4J version 1.0.0-M2.1?", e);
        }
        return out;
    }
}
