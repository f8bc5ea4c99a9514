package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gan4j.core.internal.MemoryRelease;
import org.gan4j.core.data.Batch;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Seeds;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.VariantProvider;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan bench}: one subcommand per variant (and {@code data} for loading speed). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed: median ms per full iteration (D step + G step, or G only for srresnet).",
        subcommands = {DataBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "VARIANT", completionCandidates = VariantNames.class,
            description = "one of: ${COMPLETION-CANDIDATES} (plug-ins included)")
    String variant;

    @Option(names = "--batch", converter = NumericOptions.Positive.class, description = "batch size (default: ${DEFAULT-VALUE})")
    int batch = 64;

    @Option(names = "--iterations", converter = NumericOptions.Positive.class, description = "timed iterations (default: ${DEFAULT-VALUE})")
    int iterations = 50;

    @Option(names = "--warmup", converter = NumericOptions.NonNegative.class, description = "untimed iterations first (default: ${DEFAULT-VALUE})")
    int warmup = 10;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "variant setting (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--guard", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "discard iterations during which other processes used more than ~3%% of the CPU (default: on)")
    boolean guard;

    @Option(names = "--profile", paramLabel = "N", converter = NumericOptions.NonNegative.class,
            description = "after the timing, N more iterations under ND4J's op profiler: time per iteration by op"
                    + " (calls over 0.1 ms), op calls per iteration, and the share of the time spent outside ops (default: 0, off)")
    int profile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (variant == null) {
            throw new IllegalArgumentException("name a variant to benchmark: " + String.join(", ", new VariantNames())
                    + " (or 'bench data')");
        }
        GanVariant v = VariantProvider.find(variant).create(settings, 1);
        // a fixed random batch in the shapes the variant declares, as the peer harnesses: data does not change the cost
        Nd4j.getRandom().setSeed(7);
        Batch b = v.data().syntheticBatch(batch);
        for (int i = 0; i < warmup; i++) {
            step(v, b, i);
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        MemoryRelease memory = new MemoryRelease(Trainer.DEFAULT_GC_INTERVAL);
        int discarded = 0;
        int it = warmup;
        long deadline = System.nanoTime() + 1200L * 1_000_000_000L;
        Map<String, Double> last = Map.of();
        while (times.size() < iterations && it < warmup + 10 * iterations && System.nanoTime() < deadline) {
            CpuGuard.Sample before = CpuGuard.sample();
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            last = step(v, b, it++);
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (processCpuNanos() - c0) / 1e6;
            // as the Trainer does (Trainer.Builder.gcInterval), outside the timed region: frees the
            // native memory of detached arrays, which otherwise grows by the GB at 256x256
            memory.releaseIfDue();
            if (guard && CpuGuard.contended(before, CpuGuard.sample())) {
                discarded++;
                continue;
            }
            times.add(ms);
            cpuTimes.add(cpuMs);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no uncontended iteration: the machine is busy; retry when idle or use --no-guard");
        }
        double median = median(sorted);
        double cpuMedian = median(cpuTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        double mean = Arrays.stream(sorted).average().orElse(0);
        var out = spec.commandLine().getOut();
        StringBuilder params = new StringBuilder();
        v.networks().forEach((name, n) -> params.append(' ').append(name).append(' ').append(n.numParams()));
        out.printf(Locale.ROOT, "backend %s, threads %s, params%s%n", Nd4j.getBackend().getClass().getSimpleName(),
                Nd4j.getEnvironment().maxThreads(), params);
        out.printf(Locale.ROOT, "median/mean/min/max ms: %.1f / %.1f / %.1f / %.1f over %d iterations (%d discarded as contended)%n",
                median, mean, sorted[0], sorted[sorted.length - 1], sorted.length, discarded);
        out.printf(Locale.ROOT, "median CPU time of this process: %.1f ms per iteration (%.2f cores busy; on a shared"
                + " machine with OMP_NUM_THREADS=1 this is the figure least disturbed by other processes)%n",
                cpuMedian, cpuMedian / median);
        out.printf(Locale.ROOT, "last losses: %s%n", last);
        long peakKb = peakResidentKb();
        if (peakKb > 0) {
            out.printf(Locale.ROOT, "peak resident memory of this process: %.0f MB (Java heap %.0f MB max)%n",
                    peakKb / 1024.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        if (profile > 0) {
            OpProfile.run(profile, i -> step(v, b, i), it, out);
        }
        out.printf(Locale.ROOT, "gan4j %s b%d ms_per_iter=%.1f images_per_s=%.1f%s%s%n", variant, batch, median,
                batch * 1000.0 / median, peakKb > 0 ? String.format(Locale.ROOT, " peak_rss_mb=%.0f", peakKb / 1024.0) : "",
                sorted.length < iterations ? " (WARNING: too few uncontended iterations)" : "");
        return 0;
    }

    /** The process's peak resident set size (VmHWM, Linux) in kB, or 0 where the system does not tell. */
    static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return 0;
    }

    private static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** CPU time of all threads of this JVM (compute threads, GC, JIT), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static Map<String, Double> step(GanVariant v, Batch b, int iteration) {
        Nd4j.getRandom().setSeed(Seeds.mix(1, iteration, 0xd14L));
        return v.trainStep(b, new StepContext(1, iteration, 0));
    }

    /** CPU time used by other processes, from /proc (Linux); elsewhere never reports contention. */
    static final class CpuGuard {
        record Sample(long busy, long total, long self) {}

        static Sample sample() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                long idle = 0;
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    long v = Long.parseLong(cpu[i]);
                    total += v;
                    if (i == 4 || i == 5) {
                        idle += v;
                    }
                }
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long self = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return new Sample(total - idle, total, self);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static boolean contended(Sample a, Sample b) {
            if (a == null || b == null) {
                return false;
            }
            long others = (b.busy - a.busy) - (b.self - a.self);
            long total = b.total - a.total;
            return others >= Math.max(2, 0.03 * total);
        }
    }
}
