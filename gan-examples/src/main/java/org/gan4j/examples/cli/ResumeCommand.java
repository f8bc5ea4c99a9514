package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Trainer;
import org.gan4j.datasets.DataSpecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run exactly where its newest (or the given) checkpoint left it.")
public final class ResumeCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--run", description = "run folder written by 'gan train' (uses its newest checkpoint)")
        Path run;

        @Option(names = "--checkpoint", description = "a checkpoint file (its run folder is two levels up)")
        Path checkpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--epochs", description = "train up to this many epochs in total (default: as the run was started)")
    Integer epochs;

    @Option(names = "--max-iterations", description = "stop after this many iterations in total")
    Long maxIterations;

    @Override
    public Integer call() throws Exception {
        Path runDir;
        Path cpFile;
        if (source.run != null) {
            runDir = source.run;
            Path folder = new RunFolder(runDir).checkpoints();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(runDir + " has no checkpoints/ folder: is it a run folder written by 'gan train'?");
            }
            cpFile = folder;
        } else {
            cpFile = source.checkpoint;
            Path parent = cpFile.toAbsolutePath().getParent();
            runDir = parent.getParent() != null ? parent.getParent() : parent;
        }
        Checkpoint cp = Checkpoint.read(cpFile);
        Map<String, String> rc = cp.runConfig();
        GanVariant v = cp.createVariant();
        int batch = Integer.parseInt(rc.getOrDefault("batch", "64"));
        Path data = rc.containsKey("data") ? Path.of(rc.get("data")) : null;
        int totalEpochs = epochs != null ? epochs : Integer.parseInt(rc.getOrDefault("epochs", "1"));
        RunFolder run = new RunFolder(runDir);
        Trainer.Builder tb = Trainer.builder(v, DataSpecs.open(v, data, batch))
                .epochs(totalEpochs).seed(cp.seed())
                .listeners(run.listeners(Integer.parseInt(rc.getOrDefault("sampleEvery", "200")),
                        Integer.parseInt(rc.getOrDefault("checkpointEvery", "500")),
                        Integer.parseInt(rc.getOrDefault("keep", "3")), 2));
        rc.forEach(tb::runConfig);
        tb.runConfig("epochs", Integer.toString(totalEpochs));
        if (maxIterations != null) {
            tb.maxIterations(maxIterations);
        }
        Trainer trainer = tb.build();
        trainer.resumeFrom(cp.file());
        System.out.println("resuming " + cp.file() + " at iteration " + cp.iteration());
        return Runs.fit(trainer, run);
    }
}
