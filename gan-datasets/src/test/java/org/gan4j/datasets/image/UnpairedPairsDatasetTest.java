package org.gan4j.datasets.image;

import static org.gan4j.datasets.image.TestImages.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.BatchSource.BatchStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpairedPairsDatasetTest {
    @TempDir
    Path root;

    private static final int HALF = 8;

    /** File i: left half red = 10 i, right half red = 100 + 10 i (green 0, blue 0). */
    private UnpairedPairsDataset.Builder dataset(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(2 * HALF, HALF, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < HALF; y++) {
                for (int x = 0; x < 2 * HALF; x++) {
                    img.setRGB(x, y, (x < HALF ? 10 * i : 100 + 10 * i) << 16);
                }
            }
            TestImages.png(img, root.resolve("train/p" + i + ".png"));
            TestImages.png(img, root.resolve("val/p" + i + ".png"));
        }
        return UnpairedPairsDataset.builder(root).transform(TransformOptions.resizeOnly(HALF)).load(TestImages.load(2));
    }

    @Test
    void aFromTheEvenFilesBFromTheOddOnesShuffledIndependently() throws Exception {
        UnpairedPairsDataset ds = dataset(6).batchSize(1).build();
        assertEquals(3, ds.size());
        Set<List<Integer>> pairings = new HashSet<>();
        for (int epoch = 0; epoch < 6; epoch++) {
            Set<Integer> seenA = new HashSet<>();
            Set<Integer> seenB = new HashSet<>();
            List<Integer> pairing = new ArrayList<>();
            try (BatchStream s = ds.epoch(3, epoch, 0)) {
                while (s.hasNext()) {
                    Batch b = s.next();
                    int a = px(b.a(), 0, 0, 0, 0);
                    int bb = px(b.b(), 0, 0, 0, 0);
                    assertTrue(a == 0 || a == 20 || a == 40, "A from files 0, 2, 4: " + a);
                    assertTrue(bb == 110 || bb == 130 || bb == 150, "B from files 1, 3, 5: " + bb);
                    seenA.add(a);
                    seenB.add(bb);
                    pairing.add(a * 1000 + bb);
                }
            }
            assertEquals(3, seenA.size()); // every A and every B once per epoch
            assertEquals(3, seenB.size());
            pairings.add(pairing);
        }
        assertTrue(pairings.size() > 1, "the pairing changes between epochs");
    }

    @Test
    void filesNamedByClassGiveBothDomainsEveryClass() throws Exception {
        BufferedImage img = new BufferedImage(2 * HALF, HALF, BufferedImage.TYPE_INT_RGB);
        for (String name : List.of("boot-1", "boot-2", "boot-3", "sandal-1", "sandal-2", "sandal-3")) {
            TestImages.png(img, root.resolve("train/" + name + ".png"));
        }
        UnpairedPairsDataset ds = UnpairedPairsDataset.builder(root).transform(TransformOptions.resizeOnly(HALF))
                .load(TestImages.load(2)).batchSize(1).build();
        assertEquals(List.of("boot-1.png", "boot-3.png", "sandal-2.png"), names(ds.filesA()));
        assertEquals(List.of("boot-2.png", "sandal-1.png", "sandal-3.png"), names(ds.filesB()));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    @Test
    void testModeGivesAlignedPairsInNameOrder() throws Exception {
        UnpairedPairsDataset ds = dataset(4).testMode(true).batchSize(4).build();
        try (BatchStream s = ds.epoch(0, 0, 0)) {
            Batch b = s.next();
            for (int i = 0; i < 4; i++) {
                assertEquals(10 * i, px(b.a(), i, 0, 0, 0));
                assertEquals(100 + 10 * i, px(b.b(), i, 0, 0, 0));
            }
        }
    }

    @Test
    void thickeningWidensADarkPixelToItsNeighbourhood() {
        byte[] data = new byte[5 * 4];
        java.util.Arrays.fill(data, (byte) 200);
        data[1 * 5 + 2] = 7; // (x 2, y 1)
        Pixels out = UnpairedPairsDataset.minFilter3x3(new Pixels(5, 4, 1, data));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                boolean near = Math.abs(x - 2) <= 1 && Math.abs(y - 1) <= 1;
                assertEquals(near ? 7 : 200, out.get(x, y, 0), "(" + x + ", " + y + ")");
            }
        }
    }
}
