package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** The DL4J adapter over the 10k test split. */
class MnistDataSetIteratorTest {
    private static Mnist data;

    @BeforeAll
    static void load() {
        data = MnistTestData.load(MnistSplit.TEST);
    }

    @Test
    void basics() {
        MnistDataSetIterator it = new MnistDataSetIterator(data, 3000, 5, false);
        assertEquals(784, it.inputColumns());
        assertEquals(10, it.totalOutcomes());
        assertEquals(3000, it.batch());
        assertTrue(it.resetSupported());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), it.getLabels());
    }

    @Test
    void onePassVisitsEveryExampleInTheSeededOrderKeepingThePartialBatch() {
        MnistDataSetIterator it = new MnistDataSetIterator(data, 3000, 5, false);
        int[] order = new MnistBatchSource(data, 1).order(5, 0);
        List<Integer> sizes = new ArrayList<>();
        int k = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            int n = ds.numExamples();
            sizes.add(n);
            assertArrayEquals(new long[] {n, 1, 28, 28}, ds.getFeatures().shape());
            assertArrayEquals(new long[] {n, 10}, ds.getLabels().shape());
            assertEquals(n, ds.getLabels().sumNumber().intValue(), "one-hot");
            assertTrue(ds.getFeatures().minNumber().doubleValue() >= -1.0);
            assertTrue(ds.getFeatures().maxNumber().doubleValue() <= 1.0);
            for (int i = 0; i < n; i += 97) {
                assertEquals(data.label(order[k + i]), ds.getLabels().getRow(i).argMax().getInt(0));
            }
            k += n;
        }
        assertEquals(List.of(3000, 3000, 3000, 1000), sizes);
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void flattenedFeaturesAndNewOrderAfterReset() {
        MnistDataSetIterator it = new MnistDataSetIterator(data, 100, 5, true);
        DataSet first = it.next();
        assertArrayEquals(new long[] {100, 784}, first.getFeatures().shape());
        it.reset();
        assertTrue(it.hasNext());
        assertFalse(first.getLabels().equals(it.next().getLabels()), "pass 1 has another order");
        MnistDataSetIterator again = new MnistDataSetIterator(data, 100, 5, true);
        assertEquals(first.getFeatures(), again.next().getFeatures(), "same seed, same first pass");
    }
}
