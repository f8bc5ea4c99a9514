package org.gan4j.core.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.listeners.CheckpointListener;
import org.gan4j.core.listeners.LossLogListener;
import org.gan4j.core.listeners.ProgressListener;
import org.gan4j.core.listeners.ReportListener;
import org.gan4j.core.listeners.SampleGridListener;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.TrainingListener;

/**
 * A run folder owned by this process for as long as it is open:
 * <pre>
 * RUN/config.properties     what recreates the run ({@link RunConfig})
 * RUN/losses.csv            one row per iteration ({@link LossLogListener})
 * RUN/samples/              sample grids ({@link SampleGridListener})
 * RUN/checkpoints/          ckpt-NNNNNNN.zip ({@link CheckpointListener})
 * RUN/generator.zip, RUN/losses.png   written at the end
 * RUN/report.html, RUN/status.properties   the run at a glance ({@link ReportListener})
 * RUN/eval/                 results of gan evaluate on this run
 * RUN/.lock                 the owner: an OS lock, and the owner's pid, host and command for messages
 * </pre>
 * {@link #open} takes an exclusive OS file lock on {@code .lock} (refused with
 * {@link RunLockedException} naming the holder while another process or another open handle holds
 * it), then deletes temporary files a killed writer left behind. The OS releases the lock when the
 * process ends in any way, so a crashed run never blocks the next one. Every file in the folder is
 * written atomically ({@link AtomicFiles}) or append-only ({@code losses.csv}), so a crash at any
 * moment leaves the previous complete state; {@link #newestValidCheckpoint} verifies checkpoints
 * before they are used and falls back to older ones.
 */
public final class RunDirectory implements AutoCloseable {
    /** The lock file's name. */
    public static final String LOCK_FILE = ".lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Path> removedLeftovers;

    private RunDirectory(Path root, FileChannel lockChannel, FileLock lock) throws IOException {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        List<Path> removed = new ArrayList<>();
        for (Path dir : List.of(root, checkpoints(), samples())) {
            removed.addAll(AtomicFiles.removeLeftovers(dir));
        }
        this.removedLeftovers = List.copyOf(removed);
    }

    /**
     * Creates the folder if needed and takes ownership of it.
     *
     * @param command what the owner does, shown to anyone refused (e.g. "gan train dcgan --out runs/a")
     * @throws RunLockedException when another owner holds it
     * @throws IllegalArgumentException when {@code root} exists and is not a folder
     */
    public static RunDirectory open(Path root, String command) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is an existing file, not a folder: give a new or existing folder for the run");
        }
        Files.createDirectories(root);
        Path lockFile = root.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldByThisProcess) {
                throw new RunLockedException(root, "this process (" + holder(lockFile) + ")");
            }
            if (lock == null) {
                throw new RunLockedException(root, holder(lockFile));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(ownerDescription(command).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunDirectory(root, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            throw e;
        }
    }

    private static String ownerDescription(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return "pid=" + ProcessHandle.current().pid() + "\nhost=" + host + "\nsince=" + Instant.now()
                + "\ncommand=" + command.replace('\n', ' ') + "\n";
    }

    private static String holder(Path lockFile) {
        try {
            String pid = null;
            String host = null;
            String since = null;
            String command = null;
            for (String line : Files.readAllLines(lockFile, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String value = line.substring(eq + 1);
                switch (line.substring(0, eq)) {
                    case "pid" -> pid = value;
                    case "host" -> host = value;
                    case "since" -> since = value;
                    case "command" -> command = value;
                    default -> { }
                }
            }
            if (pid == null) {
                return "another process";
            }
            return "process " + pid + (host != null ? " on " + host : "") + (since != null ? " since " + since : "")
                    + (command != null ? " (" + command + ")" : "");
        } catch (IOException e) {
            return "another process";
        }
    }

    public Path root() {
        return root;
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path lossLog() {
        return root.resolve("losses.csv");
    }

    public Path lossPlot() {
        return root.resolve("losses.png");
    }

    public Path config() {
        return root.resolve("config.properties");
    }

    public Path generator() {
        return root.resolve("generator.zip");
    }

    /** Temporary files of killed writers that {@link #open} deleted. */
    public List<Path> removedLeftovers() {
        return removedLeftovers;
    }

    /** The stored configuration, if the run has written one. */
    public Optional<RunConfig> readConfig() throws IOException {
        return Files.isRegularFile(config()) ? Optional.of(RunConfig.read(config())) : Optional.empty();
    }

    /** Writes config.properties atomically. */
    public void writeConfig(RunConfig config) throws IOException {
        config.write(config());
    }

    /** The standard listeners writing into this folder: progress, loss log, sample grids, checkpoints, report. */
    public TrainingListener[] listeners(int sampleEvery, int checkpointEvery, int keep, int scale) {
        return new TrainingListener[] {
            new ProgressListener(),
            new LossLogListener(lossLog()),
            new SampleGridListener(samples(), sampleEvery, scale),
            new CheckpointListener(checkpoints(), checkpointEvery, keep),
            new ReportListener(root, sampleEvery) // last: the report includes this iteration's grid and checkpoint
        };
    }

    /** The checkpoint files ({@code ckpt-NNNNNNN.zip}) of this run, newest first, whether intact or not. */
    public List<Path> checkpointFiles() throws IOException {
        return checkpointFiles(checkpoints());
    }

    /**
     * The newest checkpoint of this run that passes {@link Checkpoint#verified()} and was written with
     * the settings of config.properties (when there is one); each damaged or foreign one met on the
     * way is reported to {@code warnings}, naming the file and why, and skipped.
     */
    public Optional<Checkpoint> newestValidCheckpoint(Consumer<String> warnings) throws IOException {
        Optional<RunConfig> config = readConfig();
        return Checkpoint.newestValidIn(checkpoints(), cp -> {
            if (config.isEmpty() || config.get().describes(cp)) {
                return true;
            }
            warnings.accept("skipping checkpoint " + cp.file() + ": it was not written by this run (its variant"
                    + " settings, seed or batch differ from config.properties)");
            return false;
        }, warnings);
    }

    private static List<Path> checkpointFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> CheckpointListener.iterationOf(f) >= 0)
                    .sorted(Comparator.comparingInt(CheckpointListener::iterationOf).reversed()).toList();
        }
    }

    /** Releases the folder (the OS also releases it when the process ends). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            lockChannel.close();
        }
    }
}
