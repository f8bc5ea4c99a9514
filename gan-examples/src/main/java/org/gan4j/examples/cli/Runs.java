package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.image.LossPlot;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.run.RunConfig;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.WeightAveraging;

/** Runs a trainer with a clean stop on Ctrl-C and writes the end-of-run files. */
public final class Runs {
    private Runs() {}

    /**
     * Copies the generator parameters (not its optimizer state or counters) of a checkpoint or run folder
     * into {@code v}'s generator: SRGAN initialised from SRResNet.
     */
    static void initGenerator(org.gan4j.core.train.GanVariant v, java.nio.file.Path source) throws IOException {
        org.gan4j.core.train.Checkpoint cp = org.gan4j.core.train.Checkpoint.read(source);
        var saved = cp.restoreVariant().networks().get("generator");
        var mine = v.networks().get("generator");
        if (saved == null) {
            throw new IllegalArgumentException(cp.file() + " (" + cp.variantName() + ") has no network 'generator'");
        }
        if (mine == null || saved.numParams() != mine.numParams()) {
            throw new IllegalArgumentException("the generator of " + cp.file() + " (" + cp.variantName() + ", "
                    + saved.numParams() + " parameters) does not fit this one ("
                    + (mine == null ? "none" : mine.numParams() + " parameters): use the same preset/blocks/features"));
        }
        mine.params().assign(saved.params());
        System.out.println("generator initialised from " + cp.file() + " (" + cp.variantName() + ", iteration "
                + cp.iteration() + ")");
    }

    /**
     * Trains {@code variant} in the owned run folder with the settings of {@code config} (plan,
     * seed, listener intervals), continuing from {@code checkpoint} if it is not null.
     */
    static int train(RunDirectory run, RunConfig config, GanVariant variant, BatchSource data, Checkpoint checkpoint)
            throws IOException, InterruptedException {
        Trainer.Builder tb = Trainer.builder(variant, data)
                .epochs(Integer.parseInt(config.run(RunConfig.EPOCHS, "1")))
                .seed(Long.parseLong(config.run(RunConfig.SEED, "42")))
                .listeners(run.listeners(Integer.parseInt(config.run("sampleEvery", "200")),
                        Integer.parseInt(config.run("checkpointEvery", "500")),
                        Integer.parseInt(config.run("keep", "3")), 2));
        config.run().forEach(tb::runConfig);
        String max = config.run().get(RunConfig.MAX_ITERATIONS);
        if (max != null) {
            tb.maxIterations(Long.parseLong(max));
        }
        String decay = config.run().get(RunConfig.AVERAGING_DECAY);
        if (decay != null) {
            tb.averaging(new WeightAveraging(Double.parseDouble(decay),
                    Integer.parseInt(config.run(RunConfig.AVERAGING_START, "0"))));
        }
        Trainer trainer = tb.build();
        if (checkpoint != null) {
            trainer.resumeFrom(checkpoint.file());
            long planned = trainer.plannedIterations();
            if (planned < trainer.iteration()) {
                throw new IllegalArgumentException("the plan (" + plan(config) + ", " + planned + " iterations) ends before "
                        + checkpoint.file() + " (iteration " + trainer.iteration() + "): a run only grows;"
                        + " to continue from an earlier checkpoint, branch: gan resume --checkpoint FILE --out NEW_FOLDER");
            }
            if (planned == trainer.iteration()) {
                System.out.println(run.root() + " is complete: iteration " + planned + " of its plan (" + plan(config)
                        + "); to train further give a larger --epochs or --max-iterations");
                return 0;
            }
            System.out.println("resuming " + checkpoint.file() + " at iteration " + checkpoint.iteration() + " (plan: "
                    + plan(config) + ", " + planned + " iterations)");
        }
        return fit(trainer, run);
    }

    /** Prints a warning (e.g. a damaged checkpoint that is skipped) on standard error. */
    static void warn(String message) {
        System.err.println("warning: " + message);
    }

    private static String plan(RunConfig config) {
        String max = config.run().get(RunConfig.MAX_ITERATIONS);
        return config.run(RunConfig.EPOCHS, "1") + " epochs" + (max != null ? ", at most " + max + " iterations" : "");
    }

    /**
     * Trains with the command line's end-of-run handling, for programs of your own: owns {@code runFolder} while
     * training (as {@code gan train} does); Ctrl-C (or SIGTERM) finishes the current step and lets the listeners
     * write their final files (checkpoint, report) before the JVM exits; at the end, the generators as plain DL4J
     * models ({@code generator.zip}) and {@code losses.png} go into {@code runFolder}.
     */
    public static void fit(Trainer trainer, java.nio.file.Path runFolder) throws IOException, InterruptedException {
        try (RunDirectory run = RunDirectory.open(runFolder, "a program training " + trainer.variant().name())) {
            fit(trainer, run);
        }
    }

    static int fit(Trainer trainer, RunDirectory run) throws IOException, InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C / SIGTERM: finish the current step, let the listeners write the final checkpoint
            trainer.stop();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "gan4j-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            trainer.fit();
            // the hook waits for these too: the JVM must not exit between the last checkpoint and them
            // the generators the variant exports, as plain DL4J models: generator.zip, or NAME.zip (G_AB, G_BA)
            // (with the averaged weights when the run averages them)
            IOException failed = trainer.withAveragedWeights(() -> {
                try {
                    for (var e : trainer.variant().exportedModels().entrySet()) {
                        var model = e.getValue();
                        AtomicFiles.write(e.getKey().equals("generator") ? run.generator()
                                : run.root().resolve(e.getKey() + ".zip"), out -> ModelSerializer.writeModel(model, out, false));
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            if (failed != null) {
                throw failed;
            }
            if (Files.exists(run.lossLog()) && Files.size(run.lossLog()) > 0) {
                LossPlot.render(run.lossLog(), run.lossPlot(), 900, 450);
            }
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already stopping
        }
        System.out.println("run folder: " + run.root().toAbsolutePath());
        return 0;
    }
}
