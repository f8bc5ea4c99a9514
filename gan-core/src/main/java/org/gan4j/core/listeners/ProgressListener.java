package org.gan4j.core.listeners;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * A console progress line: epoch, a bar, iterations, speed, ETA and the latest losses. On a
 * terminal the line is redrawn in place; otherwise (logs, CI) a line is printed every
 * {@code intervalSeconds}.
 */
public final class ProgressListener implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private final long intervalNanos;
    private long lastPrint;

    /** Progress on standard output, redrawn in place when it is a terminal, else every 10 s. */
    public ProgressListener() {
        this(System.out, System.console() != null, 10);
    }

    public ProgressListener(PrintStream out, boolean interactive, double intervalSeconds) {
        this.out = out;
        this.interactive = interactive;
        this.intervalNanos = (long) ((interactive ? 0.25 : intervalSeconds) * 1e9);
    }

    @Override
    public void onStart(Trainer t) {
        lastPrint = System.nanoTime();
        out.printf(Locale.ROOT, "training %s: %s x %d batches of %d%s%n", t.variant().name(), epochs(t),
                t.batchesPerEpoch(), t.batchSize(), t.iteration() > 0 ? " (resuming at iteration " + t.iteration() + ")" : "");
    }

    @Override
    public void onIteration(Trainer t, Map<String, Double> losses) {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos || t.iteration() == t.plannedIterations()) {
            lastPrint = now;
            String line = line(t, losses);
            if (interactive) {
                out.print("\r" + line);
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    @Override
    public void onEnd(Trainer t) {
        if (interactive) {
            out.println();
        }
        out.printf(Locale.ROOT, "done: %d iterations in %s%n", t.iterationsThisRun(), clock(t.elapsedNanos() / 1e9));
    }

    /** The progress text, e.g. {@code epoch 1/5 [####------] 312/937 2.10 it/s ETA 04:55 loss_D 1.234}. */
    static String line(Trainer t, Map<String, Double> losses) {
        int width = 20;
        double frac = t.batchesPerEpoch() == 0 ? 0 : (double) t.batchInEpoch() / t.batchesPerEpoch();
        int filled = (int) Math.round(frac * width);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "epoch %d/%s [", t.epoch() + 1,
                t.epochs() == Integer.MAX_VALUE ? "-" : Integer.toString(t.epochs())));
        sb.append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ");
        sb.append(t.batchInEpoch()).append('/').append(t.batchesPerEpoch());
        double seconds = t.elapsedNanos() / 1e9;
        double rate = seconds > 0 ? t.iterationsThisRun() / seconds : 0;
        long remaining = t.plannedIterations() - t.iteration();
        sb.append(String.format(Locale.ROOT, " %.2f it/s ETA %s", rate, rate > 0 ? clock(remaining / rate) : "--:--"));
        losses.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        return sb.toString();
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private static String epochs(Trainer t) {
        return t.epochs() == Integer.MAX_VALUE ? "up to iteration " + t.plannedIterations() + ", epochs"
                : t.epochs() + " epoch(s)";
    }
}
