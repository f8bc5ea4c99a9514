package org.gan4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InMemoryBatchSourceTest {
    private final INDArray a = Nd4j.arange(10).castTo(DataType.FLOAT).reshape(10, 1);
    private final INDArray b = a.mul(-1);
    private final InMemoryBatchSource source = new InMemoryBatchSource(a, b, 3);

    private static List<Float> firstColumn(BatchSource.BatchStream s) {
        List<Float> out = new ArrayList<>();
        s.forEachRemaining(batch -> {
            for (int i = 0; i < batch.size(); i++) {
                out.add(batch.a().getFloat(i, 0));
                assertEquals(-batch.a().getFloat(i, 0), batch.b().getFloat(i, 0), 0f, "pairs stay together");
            }
        });
        return out;
    }

    @Test
    void epochsAreSeededPermutationsAndDropThePartialBatch() {
        assertEquals(3, source.batchesPerEpoch());
        List<Float> e0 = firstColumn(source.epoch(1, 0, 0));
        assertEquals(9, e0.size());
        assertEquals(9, e0.stream().distinct().count());
        assertEquals(e0, firstColumn(source.epoch(1, 0, 0)));
        assertNotEquals(e0, firstColumn(source.epoch(1, 1, 0)));
        assertNotEquals(e0, firstColumn(source.epoch(2, 0, 0)));
    }

    @Test
    void startingAtABatchGivesTheTailOfTheEpoch() {
        List<Float> full = firstColumn(source.epoch(5, 3, 0));
        assertEquals(full.subList(6, 9), firstColumn(source.epoch(5, 3, 2)));
        assertFalse(source.epoch(5, 3, 3).hasNext());
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = InMemoryBatchSource.permutation(100, 9, 4);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
    }
}
