package org.gan4j.datasets.image;

import static org.gan4j.datasets.image.TestImages.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images are told apart by their blue value: A image i has blue 10 + i, B image j has blue 100 + j. */
class UnpairedImageDatasetTest {
    @TempDir
    Path root;

    @BeforeEach
    void makeDataset() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestImages.png(TestImages.coords(10, 10, 0, 10 + i), root.resolve("trainA/a" + i + ".png"));
            TestImages.png(TestImages.coords(10, 10, 0, 50 + i), root.resolve("testA/a" + i + ".png"));
        }
        for (int j = 0; j < 5; j++) {
            TestImages.jpeg(TestImages.solid(10, 10, 100 + j), root.resolve("trainB/b" + j + ".jpg"));
            TestImages.png(TestImages.coords(10, 10, 0, 150 + j), root.resolve("testB/b" + j + ".png"));
        }
    }

    private UnpairedImageDataset.Builder builder(int workers) {
        return UnpairedImageDataset.builder(root)
                .transform(TransformOptions.defaults().withLoadSize(10).withCropSize(8))
                .load(TestImages.load(workers));
    }

    /** (blue of a, blue of b) for every example of an epoch. */
    private static List<int[]> ids(BatchSource ds, long seed, int epoch) {
        List<int[]> out = new ArrayList<>();
        try (BatchStream s = ds.epoch(seed, epoch, 0)) {
            while (s.hasNext()) {
                Batch b = s.next();
                for (int n = 0; n < b.size(); n++) {
                    out.add(new int[] {px(b.a(), n, 2, 0, 0), b.b() == null ? -1 : px(b.b(), n, 2, 0, 0)});
                }
            }
        }
        return out;
    }

    @Test
    void trainingEpochHasMaxLengthCyclesAAndDrawsBAtRandom() {
        UnpairedImageDataset ds = builder(2).build();
        assertEquals(5, ds.size());
        assertEquals(5, ds.batchesPerEpoch());
        Set<String> pairings = new HashSet<>();
        for (int epoch = 0; epoch < 6; epoch++) {
            List<int[]> ids = ids(ds, 11, epoch);
            assertEquals(5, ids.size());
            int[] countA = new int[3];
            for (int[] p : ids) {
                countA[p[0] - 10]++;
                assertTrue(Math.abs(p[1] - (100 + (p[1] - 100))) <= 3 && p[1] >= 97 && p[1] <= 107, "B id " + p[1]);
                pairings.add(p[0] + "-" + Math.round((p[1] - 100) / 1.0));
            }
            // 5 examples over 3 A images: indices i % 3 for a permutation of 0..4 -> counts 2, 2, 1 in some order
            List<Integer> sorted = new ArrayList<>(List.of(countA[0], countA[1], countA[2]));
            sorted.sort(null);
            assertEquals(List.of(1, 2, 2), sorted);
        }
        assertTrue(pairings.size() > 6, "B is drawn independently of A: " + pairings);
    }

    @Test
    void serialPairsByIndex() {
        UnpairedImageDataset ds = builder(1).serial(true).shuffle(false).build();
        List<int[]> ids = ids(ds, 1, 0);
        for (int k = 0; k < 5; k++) {
            assertEquals(10 + k % 3, ids.get(k)[0]);
            assertTrue(Math.abs(ids.get(k)[1] - (100 + k)) <= 2, "JPEG B " + ids.get(k)[1]);
        }
    }

    @Test
    void testModeVisitsEveryImageOfTheInputSideOnce() {
        UnpairedImageDataset ab = builder(2).testMode(true).build();
        List<int[]> ids = ids(ab, 1, 0);
        assertEquals(3, ids.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(50 + k, ids.get(k)[0]);
            assertEquals(150 + k, ids.get(k)[1]);
        }
        UnpairedImageDataset ba = builder(2).testMode(true).direction(Direction.B_TO_A).build();
        List<int[]> idsBa = ids(ba, 1, 0);
        assertEquals(5, idsBa.size());
        for (int k = 0; k < 5; k++) {
            assertEquals(150 + k, idsBa.get(k)[0]);
            assertEquals(50 + k % 3, idsBa.get(k)[1]);
        }
    }

    @Test
    void batchesDoNotDependOnWorkersAndResumeAtAnyBatch() {
        UnpairedImageDataset one = builder(1).build();
        UnpairedImageDataset two = builder(2).build();
        UnpairedImageDataset sync = builder(0).build();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Batch> b1 = all(one, 5, epoch, 0);
            List<Batch> b2 = all(two, 5, epoch, 0);
            List<Batch> b0 = all(sync, 5, epoch, 0);
            List<Batch> tail = all(two, 5, epoch, 3);
            assertEquals(b1.size(), b2.size());
            for (int i = 0; i < b1.size(); i++) {
                assertEquals(b1.get(i).a(), b2.get(i).a());
                assertEquals(b1.get(i).b(), b2.get(i).b());
                assertEquals(b1.get(i).a(), b0.get(i).a());
            }
            assertEquals(2, tail.size());
            assertEquals(b1.get(3).a(), tail.get(0).a());
            assertEquals(b1.get(4).b(), tail.get(1).b());
        }
    }

    @Test
    void differentSeedsGiveDifferentCrops() {
        UnpairedImageDataset ds = builder(1).build();
        Set<String> firsts = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            Batch b = all(ds, seed, 0, 0).get(0);
            firsts.add(px(b.a(), 0, 0, 0, 0) + "," + px(b.a(), 0, 1, 0, 0) + "," + px(b.a(), 0, 2, 0, 0));
        }
        assertTrue(firsts.size() > 2, firsts.toString());
    }

    private static List<Batch> all(BatchSource ds, long seed, int epoch, int first) {
        List<Batch> out = new ArrayList<>();
        try (BatchStream s = ds.epoch(seed, epoch, first)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }
}
