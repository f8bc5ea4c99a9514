package org.gan4j.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/**
 * {@code gan bench --profile N}: where an iteration's time goes, by ND4J op, from ND4J's own op profiler.
 * The profiler times every op call but keeps per-op figures only for calls over 0.1 ms (its long-call table);
 * the time of the shorter calls and everything outside ops (DL4J's Java code, allocation) is the remainder.
 */
final class OpProfile {
    private static final Pattern LONG_CALL = Pattern.compile(
            "^\\S+ (\\S+) \\(-?\\d+\\)\\s+>>>\\s+(\\d+) calls;.*Average: (\\d+) ns");
    private static final Pattern CALL_COUNT = Pattern.compile("^(\\S+)\\s+>>> \\[(\\d+)\\]");
    private static final Pattern TOTAL = Pattern.compile("^Total time spent: (\\d+) ms");

    private OpProfile() {}

    /** One op of the long-call table: its time per iteration and how many of its calls took over 0.1 ms. */
    private record Row(String op, double msPerIteration, double longCallsPerIteration) {}

    static void run(int iterations, IntConsumer step, int firstIteration, PrintWriter out) {
        OpProfiler profiler = OpProfiler.getInstance();
        System.gc();
        profiler.reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < iterations; i++) {
                step.accept(firstIteration + i);
            }
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        }
        double wallMs = (System.nanoTime() - t0) / 1e6 / iterations;
        List<Row> rows = new ArrayList<>();
        for (String line : profiler.getLongAggergator().asString().split("\\R")) {
            Matcher m = LONG_CALL.matcher(line.trim());
            if (m.find()) {
                long calls = Long.parseLong(m.group(2));
                rows.add(new Row(m.group(1), calls * Long.parseLong(m.group(3)) / 1e6 / iterations,
                        (double) calls / iterations));
            }
        }
        Map<String, Double> counts = new HashMap<>();
        for (String line : profiler.getOpCounter().asString().split("\\R")) {
            Matcher m = CALL_COUNT.matcher(line.trim());
            if (m.find()) {
                counts.merge(m.group(1), Double.parseDouble(m.group(2)) / iterations, Double::sum);
            }
        }
        double opMs = Double.NaN;
        Matcher total = TOTAL.matcher(profiler.getClassAggergator().asPercentageString().trim());
        if (total.find()) {
            opMs = Double.parseDouble(total.group(1)) / iterations;
        }
        profiler.reset();
        rows.sort(Comparator.comparingDouble(Row::msPerIteration).reversed());
        double calls = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        out.printf(Locale.ROOT, "op profile over %d iterations: %.1f ms per iteration with the profiler on, %.1f ms in %,.0f"
                + " op calls (%.0f%%), %.1f ms outside ops%n", iterations, wallMs, opMs, calls, 100 * opMs / wallMs, wallMs - opMs);
        out.printf(Locale.ROOT, "  %-24s %12s %8s %14s%n", "op", "ms per iter", "share", "calls per iter");
        double listed = 0;
        for (Row r : rows) {
            listed += r.msPerIteration();
            out.printf(Locale.ROOT, "  %-24s %12.2f %7.1f%% %14.1f%n", r.op(), r.msPerIteration(), 100 * r.msPerIteration() / wallMs,
                    counts.getOrDefault(r.op(), r.longCallsPerIteration()));
        }
        out.printf(Locale.ROOT, "  %-24s %12.2f %7.1f%% %14.1f%n", "(op calls under 0.1 ms)", opMs - listed,
                100 * (opMs - listed) / wallMs, calls - rows.stream().mapToDouble(Row::longCallsPerIteration).sum());
    }
}
