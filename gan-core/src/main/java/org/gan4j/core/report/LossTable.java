package org.gan4j.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loss log ({@code iteration,epoch,seconds,<losses...>}, one row per iteration) as columns. Cells keep
 * their text too, so that the report shows exactly what the file holds.
 */
final class LossTable {
    final List<String> names;
    final int[] iterations;
    final int[] epochs;
    final double[] seconds;
    /** [loss][row]; NaN where a cell is empty. */
    final double[][] values;
    /** The last row's loss cells as written. */
    final String[] lastRowText;

    private LossTable(List<String> names, int[] iterations, int[] epochs, double[] seconds, double[][] values,
            String[] lastRowText) {
        this.names = names;
        this.iterations = iterations;
        this.epochs = epochs;
        this.seconds = seconds;
        this.values = values;
        this.lastRowText = lastRowText;
    }

    /** Reads {@code csv}; a half-written last line (the run is writing it) is left out. */
    static LossTable read(Path csv) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            return empty();
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 3 || !header[0].equals("iteration")) {
            throw new IOException(csv + " is not a gan4j loss log (its header is '" + lines.get(0)
                    + "', expected iteration,epoch,seconds,...)");
        }
        List<String> names = List.of(header).subList(3, header.length);
        int n = lines.size() - 1;
        int[] it = new int[n];
        int[] ep = new int[n];
        double[] sec = new double[n];
        double[][] v = new double[names.size()][n];
        String[] last = new String[names.size()];
        int rows = 0;
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r + 1).split(",", -1);
            try {
                if (f.length != header.length) {
                    throw new NumberFormatException(f.length + " cells, the header has " + header.length);
                }
                it[rows] = Integer.parseInt(f[0]);
                ep[rows] = Integer.parseInt(f[1]);
                sec[rows] = Double.parseDouble(f[2]);
                for (int k = 0; k < names.size(); k++) {
                    String cell = f[k + 3];
                    v[k][rows] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    if (r == n - 1) {
                        last[k] = cell;
                    }
                }
                rows++;
            } catch (NumberFormatException e) {
                if (r == n - 1) {
                    break; // being written
                }
                throw new IOException(csv + " line " + (r + 2) + " is not a loss row (" + e.getMessage() + ")", e);
            }
        }
        if (rows < n) {
            String[] prev = rows == 0 ? new String[names.size()] : lines.get(rows).split(",", -1);
            for (int k = 0; k < names.size(); k++) {
                last[k] = rows == 0 ? "" : prev[k + 3];
            }
        }
        double[][] trimmed = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            trimmed[k] = java.util.Arrays.copyOf(v[k], rows);
        }
        return new LossTable(names, java.util.Arrays.copyOf(it, rows), java.util.Arrays.copyOf(ep, rows),
                java.util.Arrays.copyOf(sec, rows), trimmed, last);
    }

    static LossTable empty() {
        return new LossTable(List.of(), new int[0], new int[0], new double[0], new double[0][], new String[0]);
    }

    int rows() {
        return iterations.length;
    }

    int lastIteration() {
        return rows() == 0 ? 0 : iterations[rows() - 1];
    }

    /**
     * Iterations at which the run was resumed: the seconds column counts from the start of each training
     * process, so it drops where a new one took over (from the checkpoint of the previous iteration).
     */
    List<Integer> resumes() {
        List<Integer> out = new ArrayList<>();
        for (int r = 1; r < rows(); r++) {
            if (seconds[r] < seconds[r - 1]) {
                out.add(iterations[r] - 1);
            }
        }
        return out;
    }

    /** Mean seconds per iteration over the last up to {@code window} rows of the newest training process, or NaN. */
    double secondsPerIteration(int window) {
        int end = rows() - 1;
        int start = end;
        while (start > 0 && end - start < window && seconds[start - 1] <= seconds[start]) {
            start--;
        }
        return end > start ? (seconds[end] - seconds[start]) / (iterations[end] - iterations[start]) : Double.NaN;
    }

    /** Iterations per epoch when the log shows a completed epoch 0, else 0. */
    int batchesPerEpoch() {
        for (int r = 1; r < rows(); r++) {
            if (epochs[r] > epochs[r - 1]) {
                return iterations[r - 1] / (epochs[r - 1] + 1);
            }
        }
        return 0;
    }
}
