package org.gan4j.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup order, cache location and the download path (against a local HTTP server; no npm). */
class MnistLocatorTest {
    private static final MnistSplit SPLIT = MnistSplit.TEST;
    private static byte[] imagesGz;
    private static byte[] labelsGz;

    @TempDir
    Path tmp;

    @BeforeAll
    static void realFiles() throws IOException {
        imagesGz = MnistTestData.gzip(MnistTestData.rawBytes(SPLIT, SPLIT.imagesFile()));
        labelsGz = MnistTestData.gzip(MnistTestData.rawBytes(SPLIT, SPLIT.labelsFile()));
    }

    /** A locator that sees only {@code env}, with home {@code tmp/home}, fetching from nowhere. */
    private MnistLocator offline(Map<String, String> env) {
        return MnistLocator.defaults().withEnvironment(env, tmp.resolve("home"))
                .withSources(List.of(URI.create("http://127.0.0.1:1/")), null);
    }

    private Path supply(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(SPLIT.imagesFile() + ".gz"), imagesGz);
        Files.write(dir.resolve(SPLIT.labelsFile() + ".gz"), labelsGz);
        return dir;
    }

    @Test
    void cacheFolderFollowsXdgThenHome() {
        assertEquals(tmp.resolve("home/.cache/gan4j/mnist"), offline(Map.of()).cacheDir());
        assertEquals(tmp.resolve("xdg/gan4j/mnist"),
                offline(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString())).cacheDir());
        assertEquals(tmp.resolve("home/.cache/gan4j/mnist"),
                offline(Map.of("XDG_CACHE_HOME", "relative/ignored")).cacheDir());
        assertEquals(tmp.resolve("c"), offline(Map.of()).withCacheDir(tmp.resolve("c")).cacheDir());
    }

    @Test
    void searchOrder() throws IOException {
        Path data = tmp.resolve("data");
        MnistLocator locator = offline(Map.of("GAN4J_DATA", data.toString()));
        assertEquals(List.of(data.resolve("mnist"), data, tmp.resolve("home/.cache/gan4j/mnist")),
                locator.searchPath());
        Path cache = supply(locator.cacheDir());
        assertEquals(cache, locator.locate(SPLIT));
        supply(data);
        assertEquals(data, locator.locate(SPLIT));
        supply(data.resolve("mnist"));
        assertEquals(data.resolve("mnist"), locator.locate(SPLIT));
        Path explicit = supply(tmp.resolve("explicit"));
        assertEquals(explicit, locator.withFolder(explicit).locate(SPLIT));
        assertEquals(10_000, locator.withFolder(explicit).load(SPLIT).size());
    }

    @Test
    void explicitFolderWithoutTheFilesIsAnError() throws IOException {
        supply(offline(Map.of()).cacheDir()); // present elsewhere, but the explicit folder wins
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String msg = assertThrows(IOException.class, () -> offline(Map.of()).withFolder(empty).locate(SPLIT))
                .getMessage();
        assertTrue(msg.contains(empty.toString()) && msg.contains(SPLIT.imagesFile()), msg);
        assertTrue(msg.contains("docs/mnist.md"), msg);
    }

    @Test
    void nothingFoundAndNothingReachableListsWhatWasTried() {
        MnistLocator locator = offline(Map.of());
        String msg = assertThrows(IOException.class, () -> locator.locate(SPLIT)).getMessage();
        assertTrue(msg.contains("Looked in:") && msg.contains(locator.cacheDir().toString()), msg);
        assertTrue(msg.contains("http://127.0.0.1:1/" + SPLIT.imagesFile() + ".gz"), msg);
        assertTrue(msg.contains("To supply the files by hand") && msg.contains("GAN4J_DATA"), msg);
        String off = assertThrows(IOException.class, () -> locator.withDownload(false).locate(SPLIT)).getMessage();
        assertTrue(off.contains("Downloading is turned off"), off);
    }

    @Test
    void downloadsFromAMirrorVerifiesAndStoresRawFilesAtomically() throws IOException {
        HttpServer server = serve(Map.of(SPLIT.imagesFile() + ".gz", imagesGz, SPLIT.labelsFile() + ".gz", labelsGz));
        try {
            URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
            MnistLocator locator = offline(Map.of()).withSources(List.of(URI.create("http://127.0.0.1:1/"), mirror), null);
            Mnist m = locator.load(SPLIT);
            assertEquals(10_000, m.size());
            Path cache = locator.cacheDir();
            assertEquals(7_840_016L, Files.size(cache.resolve(SPLIT.imagesFile())), "stored uncompressed");
            assertEquals(List.of(SPLIT.imagesFile(), SPLIT.labelsFile()), list(cache), "no temp files left");
            if (cache.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(cache.resolve(SPLIT.labelsFile()))));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDownloadWithTheWrongChecksumIsNotStored() throws IOException {
        byte[] bad = MnistTestData.gzip(MnistTestData.labels(10_000));
        HttpServer server = serve(Map.of(SPLIT.imagesFile() + ".gz", imagesGz, SPLIT.labelsFile() + ".gz", bad));
        try {
            URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
            MnistLocator locator = offline(Map.of()).withSources(List.of(mirror), null);
            String msg = assertThrows(IOException.class, () -> locator.load(SPLIT)).getMessage();
            assertTrue(msg.contains("expected " + SPLIT.labelsSha256()), msg);
            assertFalse(Files.exists(locator.cacheDir().resolve(SPLIT.labelsFile())));
            assertEquals(List.of(SPLIT.imagesFile()), list(locator.cacheDir()), "no temp files left");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/mnist/".length());
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
