package org.gan4j.models.unconditional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The trainer's periodic collection, which frees the native memory of detached ND4J arrays. */
class TrainerGcTest {

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void collectsAfterEveryIterationWhenTheIntervalIsTiny() {
        var data = new InMemoryBatchSource(Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28).muli(2).subi(1), 4);
        Trainer t = Trainer.builder(Gan.builder().build(1), data).epochs(2).maxIterations(6)
                .gcInterval(Duration.ofNanos(1)).build();
        long before = collections();
        t.fit();
        long done = collections() - before;
        assertTrue(t.iteration() == 6 && done >= 6, "expected one collection per iteration, got " + done
                + " in " + t.iteration() + " iterations");
    }

    @Test
    void rejectsANegativeInterval() {
        var data = new InMemoryBatchSource(Nd4j.zeros(DataType.FLOAT, 4, 1, 28, 28), 4);
        var b = Trainer.builder(Gan.builder().build(1), data);
        var e = assertThrows(IllegalArgumentException.class, () -> b.gcInterval(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("gcInterval"), e.getMessage());
    }
}
