package org.gan4j.core.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.core.train.Checkpoint;

/**
 * What a run folder holds, read from its files: {@code config.properties}, {@code losses.csv},
 * {@code samples/iter-*.png}, {@code checkpoints/*.zip}, {@code eval/*.json} and {@code status.properties}.
 */
final class RunFiles {
    private static final Pattern GRID = Pattern.compile("iter-(\\d+)\\.png");

    /** A sample grid written after {@code iteration} iterations. */
    record Grid(int iteration, Path file) {}

    final Path root;
    final Map<String, String> config;
    final LossTable losses;
    final Instant lossesModified;
    final List<Grid> grids;
    final List<Integer> checkpoints;
    final List<EvaluationResult> evaluations;
    final Optional<RunStatus> status;

    private RunFiles(Path root, Map<String, String> config, LossTable losses, Instant lossesModified, List<Grid> grids,
            List<Integer> checkpoints, List<EvaluationResult> evaluations, Optional<RunStatus> status) {
        this.root = root;
        this.config = config;
        this.losses = losses;
        this.lossesModified = lossesModified;
        this.grids = grids;
        this.checkpoints = checkpoints;
        this.evaluations = evaluations;
        this.status = status;
    }

    static RunFiles read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder: give a run folder written by 'gan train' (e.g. runs/dcgan)");
        }
        Path config = root.resolve("config.properties");
        Path csv = root.resolve("losses.csv");
        Path samples = root.resolve("samples");
        if (!Files.exists(config) && !Files.exists(csv) && !Files.isDirectory(samples)) {
            throw new IOException(root + " is not a run folder (no config.properties, losses.csv or samples/):"
                    + " give a folder written by 'gan train' or a training with a ReportListener");
        }
        Map<String, String> settings = new TreeMap<>();
        if (Files.isRegularFile(config)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        }
        Optional<RunStatus> status = RunStatus.read(root);
        // config.properties wins; a run without it (e.g. a program of your own) shows what its trainer recorded
        status.ifPresent(st -> st.settings().forEach(settings::putIfAbsent));
        LossTable losses = Files.isRegularFile(csv) ? LossTable.read(csv) : LossTable.empty();
        Instant modified = Files.isRegularFile(csv) ? Files.getLastModifiedTime(csv).toInstant() : Instant.EPOCH;
        return new RunFiles(root, settings, losses, modified, grids(samples), checkpoints(root.resolve("checkpoints")),
                EvaluationResult.readAll(root), status);
    }

    private static List<Grid> grids(Path samples) throws IOException {
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        List<Grid> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(samples)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = GRID.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(new Grid(Integer.parseInt(m.group(1)), f));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.iteration(), b.iteration()));
        return out;
    }

    /** Iterations of the checkpoints kept (older ones were pruned by the keep-last policy). */
    private static List<Integer> checkpoints(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".zip")) {
                    try {
                        out.add(Checkpoint.read(f).iteration());
                    } catch (IOException notACheckpoint) {
                        // a damaged or foreign zip is not a checkpoint to mark
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    String name() {
        Path n = root.toAbsolutePath().normalize().getFileName();
        return n == null ? root.toString() : n.toString();
    }

    String variant() {
        return config.getOrDefault("variant", "?");
    }

    int lastIteration() {
        int last = losses.lastIteration();
        if (status.isPresent()) {
            last = Math.max(last, status.get().iteration());
        }
        for (int c : checkpoints) {
            last = Math.max(last, c);
        }
        return last;
    }
}
