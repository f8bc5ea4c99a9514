package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.listeners.CheckpointListener;
import org.gan4j.core.listeners.LossLogListener;
import org.gan4j.core.run.RunConfig;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.datasets.DataSpecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run exactly where its newest intact checkpoint left it (--run), or start a "
                + "branch: a new run folder continuing from any checkpoint (--checkpoint FILE --out NEW); the "
                + "source run is never changed by a branch. The run's plan (epochs, max iterations) is kept "
                + "unless given again."})
public final class ResumeCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--run", description = "run folder written by 'gan train' (continues from its newest intact checkpoint)")
        Path run;

        @Option(names = "--checkpoint", description = "a checkpoint file: the newest of its run continues that run;"
                + " any other needs --out (a branch)")
        Path checkpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", description = "with --checkpoint: a new run folder for the branch")
    Path out;

    @Option(names = "--epochs", converter = NumericOptions.Positive.class,
            description = "change the plan: train up to this many epochs in total (default: the run's plan)")
    Integer epochs;

    @Option(names = "--max-iterations", converter = NumericOptions.PositiveLong.class,
            description = "change the plan: stop after this many iterations in total (default: the run's plan)")
    Long maxIterations;

    @Override
    public Integer call() throws Exception {
        if (source.run != null) {
            if (out != null) {
                throw new IllegalArgumentException("--out starts a branch and goes with --checkpoint; --run continues"
                        + " the run in its own folder");
            }
            return continueRun(source.run);
        }
        Checkpoint cp = Checkpoint.read(source.checkpoint).verified();
        Path home = runFolderOf(cp.file());
        if (out != null) {
            return branch(cp, home);
        }
        if (home == null) {
            throw new IllegalArgumentException(cp.file() + " is not in a run folder (RUN/checkpoints/): continuing"
                    + " from it starts a new run; add --out NEW_FOLDER");
        }
        try (RunDirectory run = open(home)) {
            Optional<Checkpoint> newest = run.newestValidCheckpoint(Runs::warn);
            boolean isNewest = newest.isPresent() && Files.isSameFile(newest.get().file(), cp.file());
            boolean ofThisRun = run.readConfig().map(c -> c.describes(cp)).orElse(true);
            if (!isNewest || !ofThisRun) {
                String why = !ofThisRun ? "was not written by run " + home + " (other variant settings, seed or batch)"
                        : "is not the newest state of run " + home + newest.map(n -> " (that is " + n.file().getFileName()
                        + ", iteration " + n.iteration() + ")").orElse("");
                throw new IllegalArgumentException(cp.file() + " " + why + ": continuing the run from it would discard"
                        + " the run's own history. Continue the run with 'gan resume --run " + home + "', or start a"
                        + " branch from this checkpoint with --out NEW_FOLDER (the run is not changed)");
            }
            return resume(run, run.readConfig().orElse(RunConfig.of(cp)), cp);
        }
    }

    private int continueRun(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run folder " + dir + " does not exist (or is not a folder)");
        }
        if (!Files.exists(dir.resolve("config.properties")) && !Files.isDirectory(dir.resolve("checkpoints"))) {
            throw new IllegalArgumentException(dir + " is not a run folder written by 'gan train' (it has no"
                    + " config.properties and no checkpoints/)");
        }
        try (RunDirectory run = open(dir)) {
            Optional<Checkpoint> cp = run.newestValidCheckpoint(Runs::warn);
            if (cp.isEmpty() && !run.checkpointFiles().isEmpty()) {
                throw new IllegalArgumentException("no intact checkpoint of this run in " + run.checkpoints() + " (see the"
                        + " warnings): the run cannot continue; start a new one with 'gan train ... --out NEW_FOLDER'");
            }
            Optional<RunConfig> stored = run.readConfig();
            if (cp.isEmpty()) {
                if (stored.isEmpty()) {
                    throw new IllegalArgumentException(dir + " has neither a checkpoint nor config.properties: nothing to resume");
                }
                System.out.println(dir + " stopped before its first checkpoint: starting it again from iteration 0"
                        + " with the settings of its config.properties");
                return resume(run, stored.get(), null);
            }
            return resume(run, stored.orElse(RunConfig.of(cp.get())), cp.get());
        }
    }

    /** A new run folder that continues from {@code cp}; the source run is only read. */
    private int branch(Checkpoint cp, Path home) throws Exception {
        if (Files.exists(out) && (!Files.isDirectory(out) || hasFiles(out))) {
            throw new IllegalArgumentException("--out " + out + " already exists: a branch starts a new run folder;"
                    + " give a new name");
        }
        RunConfig config = RunConfig.of(cp);
        if (home != null && Files.isRegularFile(home.resolve("config.properties"))) {
            RunConfig source = RunConfig.read(home.resolve("config.properties"));
            if (source.describes(cp)) {
                config = source;
            }
        }
        config = config.withRun("branchedFrom", cp.file().toAbsolutePath().toString());
        try (RunDirectory run = open(out)) {
            if (home != null) {
                LossLogListener.copyRows(home.resolve("losses.csv"), run.lossLog(), cp.iteration());
            }
            Path copy = run.checkpoints().resolve(CheckpointListener.fileName(cp.iteration()));
            AtomicFiles.write(copy, os -> Files.copy(cp.file(), os));
            System.out.println("branch " + out + " starts from " + cp.file() + " (iteration " + cp.iteration() + ")");
            return resume(run, config, Checkpoint.read(copy));
        }
    }

    /** Applies the plan changes given on the command line, stores them, and trains. */
    private int resume(RunDirectory run, RunConfig stored, Checkpoint cp) throws Exception {
        RunConfig config = stored;
        if (epochs != null) {
            config = config.withRun(RunConfig.EPOCHS, Integer.toString(epochs));
        }
        if (maxIterations != null) {
            config = config.withRun(RunConfig.MAX_ITERATIONS, Long.toString(maxIterations));
        }
        long seed = Long.parseLong(config.run(RunConfig.SEED, cp != null ? Long.toString(cp.seed()) : "42"));
        GanVariant v = VariantProvider.find(config.variant()).create(config.variantConfig(), seed);
        String initFrom = config.run().get("initFrom");
        if (cp == null && initFrom != null) {
            Runs.initGenerator(v, Path.of(initFrom));
        }
        int batch = Integer.parseInt(config.run(RunConfig.BATCH, "64"));
        Path data = config.run().containsKey("data") ? Path.of(config.run().get("data")) : null;
        var batches = DataSpecs.open(v, data, batch);
        if (!config.equals(stored) || !Files.exists(run.config())) {
            run.writeConfig(config);
        }
        return Runs.train(run, config, v, batches, cp);
    }

    private static RunDirectory open(Path dir) throws java.io.IOException {
        RunDirectory run = RunDirectory.open(dir, "gan resume, " + dir);
        run.removedLeftovers().forEach(f -> System.out.println("removed " + f + " (left by a killed process)"));
        return run;
    }

    /** The run folder holding {@code checkpoint} (RUN/checkpoints/FILE with RUN/config.properties), or null. */
    static Path runFolderOf(Path checkpoint) {
        Path parent = checkpoint.toAbsolutePath().getParent();
        if (parent == null || !parent.getFileName().toString().equals("checkpoints")) {
            return null;
        }
        Path run = parent.getParent();
        return run != null && Files.isRegularFile(run.resolve("config.properties")) ? run : null;
    }

    private static boolean hasFiles(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }
}
