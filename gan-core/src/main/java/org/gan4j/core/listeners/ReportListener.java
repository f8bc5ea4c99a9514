package org.gan4j.core.listeners;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.gan4j.core.report.RunReport;
import org.gan4j.core.report.RunStatus;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code RUN/report.html} ({@link RunReport}) and {@code RUN/status.properties} ({@link RunStatus})
 * current: at the start, every {@code everyIterations} iterations (give the sample grids' interval, and
 * register this listener after the others so the page includes the grid and checkpoint of that iteration)
 * and at the end, where the status becomes finished or stopped. A report that cannot be written is logged
 * as a warning: it never stops training.
 */
public final class ReportListener implements TrainingListener {
    private static final Logger log = LoggerFactory.getLogger(ReportListener.class);

    private final Path run;
    private final int everyIterations;
    private Map<String, String> environment;
    private boolean warned;

    public ReportListener(Path run, int everyIterations) {
        if (everyIterations <= 0) {
            throw new IllegalArgumentException("everyIterations must be positive, got " + everyIterations);
        }
        this.run = run;
        this.everyIterations = everyIterations;
    }

    @Override
    public void onStart(Trainer t) {
        environment = environment();
        write(t, RunStatus.State.RUNNING);
    }

    @Override
    public void onIteration(Trainer t, Map<String, Double> losses) {
        if (t.iteration() % everyIterations == 0) {
            write(t, RunStatus.State.RUNNING);
        }
    }

    @Override
    public void onEnd(Trainer t) {
        write(t, t.iteration() >= t.plannedIterations() ? RunStatus.State.FINISHED : RunStatus.State.STOPPED);
    }

    private void write(Trainer t, RunStatus.State state) {
        try {
            new RunStatus(state, t.iteration(), t.plannedIterations(), t.batchesPerEpoch(), Instant.now(),
                    ProcessHandle.current().pid(), RunReport.hostName(), environment, settings(t)).write(run);
            RunReport.write(run);
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                log.warn("cannot write the run report into {}: {} (training goes on)", run, e.toString());
                warned = true;
            }
        }
    }

    /** The trainer's view of the run's configuration, keyed as {@code config.properties}. */
    private static Map<String, String> settings(Trainer t) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("variant", t.variant().name());
        t.variant().config().forEach((k, v) -> s.put("config." + k, v));
        s.put("run.seed", Long.toString(t.seed()));
        s.put("run.batch", Integer.toString(t.batchSize()));
        s.put("run.epochs", Integer.toString(t.epochs()));
        t.runConfig().forEach((k, v) -> s.put("run." + k, v));
        return s;
    }

    /** The software and machine this training runs on. */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("gan4j", RunReport.version());
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        env.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("blas", String.valueOf(nd4j.getOrDefault("blas.vendor", "?")));
        env.put("threads", Integer.toString(Nd4j.getEnvironment().maxThreads()));
        return env;
    }
}
