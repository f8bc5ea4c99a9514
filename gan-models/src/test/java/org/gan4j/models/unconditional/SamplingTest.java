package org.gan4j.models.unconditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.gan4j.core.data.Batch;
import org.gan4j.core.train.StepContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sampling runs a copy of G with re-estimated batch-norm statistics and never touches the training G. */
class SamplingTest {

    @Test
    void generateUsesACalibratedCopyAndLeavesTheGeneratorAlone() {
        Dcgan dcgan = Dcgan.builder().build(3);
        INDArray real = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28).muli(2).subi(1);
        dcgan.trainStep(Batch.of(real), new StepContext(1, 0, 0));
        INDArray params = dcgan.generator().model().params().dup();
        INDArray z = Nd4j.randn(DataType.FLOAT, 3, 100);

        INDArray first = dcgan.generate(z);
        assertEquals(params, dcgan.generator().model().params(), "generate changed the training generator");
        assertNotSame(dcgan.generator().model(), dcgan.samplingModel());
        assertSame(dcgan.samplingModel(), dcgan.samplingModel(), "recalibrated without a change to G");
        assertEquals(first, dcgan.generate(z));

        // same iteration count, other weights (a restored checkpoint): the copy must be rebuilt
        Dcgan other = Dcgan.builder().build(4);
        other.trainStep(Batch.of(real), new StepContext(1, 0, 0));
        dcgan.generator().copyStateFrom(other.generator().model());
        assertEquals(other.generate(z), dcgan.generate(z));
        assertNotEquals(first, dcgan.generate(z));
    }
}
