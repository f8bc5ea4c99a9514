package org.gan4j.core.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss and its gradient.
 *
 * @param value the mean loss over every element of the batch
 * @param gradient d(value)/d(prediction), same shape as the prediction
 */
public record LossValue(double value, INDArray gradient) {}
