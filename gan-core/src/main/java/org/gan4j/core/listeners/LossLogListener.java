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
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.io.IoErrors;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * Appends one CSV row per iteration: {@code iteration,epoch,seconds,<losses...>}. When a run
 * resumes, rows after the checkpoint's iteration (written before a crash) are dropped first, so the
 * log matches the training that actually continues; that rewrite goes to a new file renamed over
 * the log ({@link AtomicFiles}), never a truncation in place.
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
                keepRowsUpTo(t.iteration());
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot prepare loss log " + file + ": " + IoErrors.message(e)
                    + " (delete or move the file to start a new log)", e);
        }
    }

    /**
     * Keeps the header and the rows of iterations 1..{@code iteration} (a run continues after that).
     * Rows after it, and a last row cut short by a crash, are dropped by writing the kept rows to a
     * new file that replaces the log atomically: the log is never truncated in place, so a crash
     * now loses nothing.
     */
    private void keepRowsUpTo(int iteration) throws IOException {
        List<String> kept = rowsUpTo(file, iteration);
        if (!text(kept).equals(Files.readString(file, StandardCharsets.UTF_8))) {
            writeAtomically(file, kept);
        }
        if (!kept.isEmpty()) {
            List<String> header = List.of(kept.get(0).split(","));
            columns = header.size() > 3 ? header.subList(3, header.size()) : null;
        }
    }

    /**
     * Copies the header and the rows of iterations 1..{@code iteration} of the log {@code from} into
     * a new log {@code to}, written atomically (a branch of a run starts with its source's history).
     */
    public static void copyRows(Path from, Path to, int iteration) throws IOException {
        writeAtomically(to, Files.exists(from) ? rowsUpTo(from, iteration) : List.of());
    }

    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static void writeAtomically(Path file, List<String> lines) throws IOException {
        byte[] bytes = text(lines).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The header and rows of iterations 1..{@code iteration}, without a last row cut short; empty if no row. */
    private static List<String> rowsUpTo(Path file, int iteration) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        int complete = text.isEmpty() || text.endsWith("\n") ? lines.size() : lines.size() - 1;
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < complete && iteration > 0; i++) {
            String line = lines.get(i);
            if (i == 0 || (!line.isBlank() && rowIteration(line) <= iteration)) {
                kept.add(line);
            }
        }
        return kept.size() <= 1 ? List.of() : kept;
    }

    private static int rowIteration(String line) {
        int comma = line.indexOf(',');
        try {
            return Integer.parseInt(comma < 0 ? line : line.substring(0, comma));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("row '" + line + "' does not start with an iteration number", e);
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
            throw new UncheckedIOException("cannot write loss log " + file + ": " + IoErrors.describe(e), e);
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
