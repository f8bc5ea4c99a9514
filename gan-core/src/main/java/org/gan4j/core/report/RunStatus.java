package org.gan4j.core.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.gan4j.core.io.AtomicFiles;

/**
 * What a training process knows about its run and the run folder's other files do not tell: whether it
 * is still training, the planned length, and the software and machine it runs on. Written as
 * {@code RUN/status.properties} by {@link org.gan4j.core.listeners.ReportListener}; runs without it
 * (written before it existed) get a status inferred from their files.
 *
 * @param iteration iterations completed when the file was written
 * @param plannedIterations iterations the run does when it ends normally
 * @param pid the training process (to tell a run that is still going from one that was killed)
 * @param environment e.g. {@code gan4j}, {@code java}, {@code backend}, {@code blas}, {@code threads}
 * @param settings the run's configuration as the trainer sees it, keyed as in {@code config.properties}
 *     ({@code variant}, {@code config.*}, {@code run.*}): the report's source for runs without that file
 */
public record RunStatus(State state, int iteration, long plannedIterations, int batchesPerEpoch, Instant updated,
        long pid, String host, Map<String, String> environment, Map<String, String> settings) {
    /** File name inside the run folder. */
    public static final String FILE_NAME = "status.properties";

    /** Where a run stands. */
    public enum State { RUNNING, FINISHED, STOPPED }

    public RunStatus {
        environment = Map.copyOf(environment);
        settings = Map.copyOf(settings);
    }

    /** Writes {@code run/status.properties} atomically. */
    public void write(Path run) throws IOException {
        Properties p = new Properties();
        p.setProperty("state", state.name().toLowerCase(Locale.ROOT));
        p.setProperty("iteration", Integer.toString(iteration));
        p.setProperty("plannedIterations", Long.toString(plannedIterations));
        p.setProperty("batchesPerEpoch", Integer.toString(batchesPerEpoch));
        p.setProperty("updated", updated.toString());
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("host", host);
        new TreeMap<>(environment).forEach((k, v) -> p.setProperty("env." + k, v));
        new TreeMap<>(settings).forEach((k, v) -> p.setProperty("setting." + k, v));
        StringWriter text = new StringWriter();
        p.store(text, "gan4j run status, written by the training process");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(run.resolve(FILE_NAME), out -> out.write(bytes));
    }

    private static Map<String, String> prefixed(Properties p, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> out.put(k.substring(prefix.length()), p.getProperty(k)));
        return out;
    }

    /** The status stored in {@code run}, if any. */
    public static Optional<RunStatus> read(Path run) throws IOException {
        Path file = run.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            Map<String, String> env = prefixed(p, "env.");
            return Optional.of(new RunStatus(State.valueOf(p.getProperty("state").toUpperCase(Locale.ROOT)),
                    Integer.parseInt(p.getProperty("iteration")), Long.parseLong(p.getProperty("plannedIterations")),
                    Integer.parseInt(p.getProperty("batchesPerEpoch")), Instant.parse(p.getProperty("updated")),
                    Long.parseLong(p.getProperty("pid")), p.getProperty("host", ""), env, prefixed(p, "setting.")));
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged (" + e + "): delete it, the report then infers the status"
                    + " from the other files", e);
        }
    }
}
