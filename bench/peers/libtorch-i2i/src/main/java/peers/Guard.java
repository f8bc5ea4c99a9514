package peers;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Timing on a shared machine: every timed iteration is kept only if other processes used at most ~3% of
 * all CPUs during it (CPU jiffies of the whole machine from /proc/stat minus this process's own from
 * /proc/self/stat), the same rule as {@code gan bench}. Discarded iterations are replaced, up to 10x the
 * requested number or {@code maxSeconds}. Off Linux nothing is discarded.
 */
final class Guard {
    private final boolean enabled;
    private final double maxSeconds;
    private final long[] start = sample();

    Guard(boolean enabled, double maxSeconds) {
        this.enabled = enabled;
        this.maxSeconds = maxSeconds;
    }

    /** The outcome of a guarded timing loop (milliseconds per iteration). */
    record Timing(double[] kept, double[] all, int discarded, boolean complete) {
        /** Median of the kept iterations, or of all of them when fewer than 5 were kept. */
        double median() {
            return median(kept.length >= 5 || all.length == 0 ? kept : all);
        }

        String describe(int warmup) {
            double[] s = (kept.length >= 5 ? kept : all).clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(Double.NaN);
            return String.format(Locale.ROOT, "median=%.1f ms mean=%.1f ms min=%.1f ms max=%.1f ms (n=%d after %d"
                    + " warm-up; %d contended iterations discarded)%s", median(), mean,
                    s.length > 0 ? s[0] : Double.NaN, s.length > 0 ? s[s.length - 1] : Double.NaN, s.length, warmup,
                    discarded, complete ? "" : "  WARNING: only " + kept.length + " uncontended iterations");
        }

        static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            int n = s.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    }

    /** Runs {@code step} warmup times untimed, then until {@code iters} uncontended timed iterations. */
    Timing time(int warmup, int iters, IntConsumer step) {
        int it = 0;
        for (; it < warmup; it++) {
            step.accept(it);
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Double> kept = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        int discarded = 0;
        long begin = System.nanoTime();
        while (kept.size() < iters) {
            long[] a = sample();
            long t0 = System.nanoTime();
            step.accept(it++);
            long t1 = System.nanoTime();
            long[] b = sample();
            double ms = (t1 - t0) / 1e6;
            all.add(ms);
            double allowed = Math.max(2.0, 0.03 * cpus * ms / 10.0); // jiffies: 3% of the machine, at least 2
            if (!enabled || others(a, b) <= allowed) {
                kept.add(ms);
            } else {
                discarded++;
            }
            if (enabled && (discarded > 10 * iters || (t1 - begin) / 1e9 > maxSeconds)) {
                break;
            }
        }
        return new Timing(kept.stream().mapToDouble(Double::doubleValue).toArray(),
                all.stream().mapToDouble(Double::doubleValue).toArray(), discarded, kept.size() >= iters);
    }

    /** CPU (in cores) this process and the others used on average since this guard was made. */
    String cpuCheck() {
        long[] end = sample();
        if (start == null || end == null) {
            return "cpu check: n/a";
        }
        double seconds = (end[2] - start[2]) / 1e9;
        return String.format(Locale.ROOT, "cpu check: this JVM used %.2f cores, other processes %.2f cores on average"
                + " over %.0f s", (end[1] - start[1]) / 100.0 / seconds, others(start, end) / 100.0 / seconds, seconds);
    }

    /** {busy jiffies of all CPUs, jiffies of this process, wall nanos}, or null off Linux. */
    static long[] sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).split("\\s+");
            return new long[] {busy, Long.parseLong(f[11]) + Long.parseLong(f[12]), System.nanoTime()};
        } catch (Exception e) {
            return null;
        }
    }

    /** Jiffies used by other processes between two samples. */
    static long others(long[] a, long[] b) {
        return a == null || b == null ? 0 : Math.max(0, (b[0] - a[0]) - (b[1] - a[1]));
    }

    /** Peak resident memory of this process in MB (VmHWM), or NaN off Linux. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return Double.NaN;
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** This JVM's garbage collectors (SerialGC expected: G1's concurrent threads disturb OpenMP on 2 cores). */
    static String gc() {
        StringBuilder sb = new StringBuilder();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.length() == 0 ? "" : "+").append(b.getName().replace(' ', '_'));
        }
        return sb.toString();
    }
}
