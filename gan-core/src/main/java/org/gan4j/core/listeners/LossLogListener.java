package org.gan4j.core.listeners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * Appends one CSV row per iteration: {@code iteration,epoch,seconds,<losses...>}. When a run
 * resumes, rows after the checkpoint's iteration (written before a crash) are dropped first, so the
 * log matches the training that actually continues.
 */
public final class LossLogListener implements TrainingListener {
    private final Path file;
    private BufferedWriter writer;
    private List<String> columns;

    public LossLogListener(Path file) {
        this.file = file;
    }

    @Override
    public void onStart(Trainer t) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            columns = null;
            if (Files.exists(file)) {
                List<String> kept = new ArrayList<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (i == 0) {
                        kept.add(line);
                        List<String> header = List.of(line.split(","));
                        columns = header.size() > 3 ? header.subList(3, header.size()) : null;
                    } else if (!line.isBlank() && Integer.parseInt(line.substring(0, line.indexOf(','))) <= t.iteration()) {
                        kept.add(line);
                    }
                }
                if (t.iteration() == 0) {
                    kept.clear();
                    columns = null;
                }
                Files.write(file, kept, StandardCharsets.UTF_8);
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot prepare loss log " + file + ": " + e.getMessage()
                    + " (delete or move the file to start a new log)", e);
        }
    }

    @Override
    public void onIteration(Trainer t, Map<String, Double> losses) {
        try {
            if (columns == null) {
                columns = List.copyOf(losses.keySet());
                writer.write("iteration,epoch,seconds," + String.join(",", columns));
                writer.newLine();
            }
            StringBuilder row = new StringBuilder();
            row.append(t.iteration()).append(',').append(t.epoch()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", t.elapsedNanos() / 1e9));
            for (String c : columns) {
                Double v = losses.get(c);
                row.append(',');
                if (v != null && !v.isNaN()) {
                    row.append(String.format(Locale.ROOT, "%.6g", v));
                }
            }
            writer.write(row.toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write loss log " + file, e);
        }
    }

    @Override
    public void onEnd(Trainer t) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
