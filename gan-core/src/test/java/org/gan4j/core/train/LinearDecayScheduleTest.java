package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.nn.Generator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class LinearDecayScheduleTest {
    @Test
    void constantThenLinearToZero() {
        LinearDecaySchedule s = new LinearDecaySchedule(2e-4, 2, 3);
        assertEquals(2e-4, s.valueAt(0, 0), 1e-15);
        assertEquals(2e-4, s.valueAt(99, 1), 1e-15);
        assertEquals(2e-4 * 3 / 4, s.valueAt(0, 2), 1e-15);
        assertEquals(2e-4 * 1 / 4, s.valueAt(0, 4), 1e-15);
        assertEquals(0.0, s.valueAt(0, 9), 0);
        assertThrows(IllegalArgumentException.class, () -> new LinearDecaySchedule(0, 1, 1));
    }

    /** The epoch the trainer sets reaches the updater, and the schedule survives serialisation. */
    @Test
    void drivesAnSgdStepByEpochAndSerialises() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Sgd(new LinearDecaySchedule(0.5, 1, 1))).list()
                .layer(new DenseLayer.Builder().nIn(1).nOut(1).hasBias(false).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        Generator g = Generator.of(net, 1);
        INDArray x = Nd4j.ones(DataType.DOUBLE, 1, 1);
        double w0 = net.params().getDouble(0);
        g.forward(x);
        g.backward(Nd4j.ones(DataType.DOUBLE, 1, 1)); // d(out)/dw = x = 1
        g.applyGradients();
        assertEquals(w0 - 0.5, net.params().getDouble(0), 1e-12, "epoch 0: full rate");
        g.setEpoch(1);
        g.forward(x);
        g.backward(Nd4j.ones(DataType.DOUBLE, 1, 1));
        g.applyGradients();
        assertEquals(w0 - 0.5 - 0.25, net.params().getDouble(0), 1e-12, "epoch 1: half rate");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
    }
}
