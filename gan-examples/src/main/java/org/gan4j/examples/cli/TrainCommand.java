package org.gan4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gan4j.core.data.BatchSource;
import org.gan4j.core.run.RunConfig;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.core.train.WeightAveraging;
import org.gan4j.datasets.DataSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan train VARIANT}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a GAN variant and write a run folder: config.properties, losses.csv, losses.png, "
                + "samples/ (grids over time), checkpoints/ (complete, resumable) and generator.zip (plain DL4J "
                + "model)."})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VARIANT", completionCandidates = VariantNames.class,
            description = "one of: ${COMPLETION-CANDIDATES} (plug-ins included)")
    String variant;

    @Option(names = "--epochs", converter = NumericOptions.Positive.class, description = "epochs to train (default: ${DEFAULT-VALUE})")
    int epochs = 5;

    @Option(names = "--batch", converter = NumericOptions.Positive.class, description = "batch size (default: the variant's paper or tutorial value; docs/models lists them, training prints it)")
    Integer batch;

    @Option(names = "--out", required = true, description = "run folder, e.g. runs/dcgan")
    Path out;

    @Option(names = "--seed", description = "seed of weights, batch order, noise and dropout (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--data", description = "dataset folder, as the variant needs it (MNIST variants: default GAN4J_DATA,"
            + " the per-user cache, then a download)")
    Path data;

    @Option(names = "--preset", description = "the variant's preset, e.g. cpu or paper (same as --set preset=...)")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "variant setting, e.g. --set loss=least_squares (repeatable; 'gan settings VARIANT' lists them)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--init-from", paramLabel = "CHECKPOINT", description = "start the generator from another run's checkpoint (e.g. srgan from srresnet)")
    Path initFrom;

    @Option(names = "--max-iterations", converter = NumericOptions.PositiveLong.class, description = "stop after this many iterations in total (part of the run's plan: resume honours it)")
    Long maxIterations;

    @Option(names = "--sample-every", converter = NumericOptions.Positive.class, description = "write a sample grid every N iterations (default: ${DEFAULT-VALUE})")
    int sampleEvery = 200;

    @Option(names = "--checkpoint-every", converter = NumericOptions.Positive.class, description = "write a checkpoint every N iterations (default: ${DEFAULT-VALUE}); also at every epoch end")
    int checkpointEvery = 500;

    @Option(names = "--ema", paramLabel = "DECAY", description = "average the generator weights with this decay, e.g. 0.999"
            + " (used for sample grids, generator.zip, sample/translate/upscale/evaluate); 0 = off (default: the"
            + " variant's, listed in its docs/models page)")
    Double averagingDecay;

    @Option(names = "--ema-start", converter = NumericOptions.NonNegative.class, paramLabel = "N",
            description = "iterations before the averaging starts (default: the variant's, else 0)")
    Integer averagingStart;

    @Option(names = "--keep", converter = NumericOptions.Positive.class, description = "checkpoints to keep (default: ${DEFAULT-VALUE})")
    int keep = 3;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is an existing file, not a folder: give a folder for the run");
        }
        VariantProvider provider = VariantProvider.find(variant);
        int b = batch != null ? batch : provider.defaultBatchSize();
        if (preset != null) {
            settings.put("preset", preset);
        }
        GanVariant v = provider.create(settings, seed);
        if (initFrom != null) {
            Runs.initGenerator(v, initFrom);
        }
        BatchSource source = DataSpecs.open(v, data, b);
        Map<String, String> runConfig = new LinkedHashMap<>();
        runConfig.put(RunConfig.EPOCHS, Integer.toString(epochs));
        if (maxIterations != null) {
            runConfig.put(RunConfig.MAX_ITERATIONS, Long.toString(maxIterations));
        }
        runConfig.put(RunConfig.BATCH, Integer.toString(b));
        runConfig.put(RunConfig.SEED, Long.toString(seed));
        if (data != null) {
            runConfig.put("data", data.toAbsolutePath().toString());
        }
        if (initFrom != null) {
            runConfig.put("initFrom", initFrom.toAbsolutePath().toString());
        }
        runConfig.put("sampleEvery", Integer.toString(sampleEvery));
        runConfig.put("checkpointEvery", Integer.toString(checkpointEvery));
        runConfig.put("keep", Integer.toString(keep));
        averaging(provider).ifPresent(a -> {
            runConfig.put(RunConfig.AVERAGING_DECAY, Double.toString(a.decay()));
            runConfig.put(RunConfig.AVERAGING_START, Integer.toString(a.start()));
        });
        RunConfig config = new RunConfig(variant, v.config(), runConfig);
        // the folder is created only now, once the settings and the data are known to be good
        try (RunDirectory run = RunDirectory.open(out, "gan train " + variant + " --out " + out)) {
            if (!run.checkpointFiles().isEmpty()) {
                throw new IllegalArgumentException(out + " already holds checkpoints: continue it with 'gan resume --run "
                        + out + "' or choose another --out");
            }
            if (run.readConfig().isPresent()) {
                System.out.println(out + " holds a run that stopped before its first checkpoint: it starts again"
                        + " from iteration 0 with these settings");
            }
            run.writeConfig(config);
            return Runs.train(run, config, v, source, null);
        }
    }

    /** --ema / --ema-start over the variant's default; none when --ema 0. */
    private java.util.Optional<WeightAveraging> averaging(VariantProvider provider) {
        java.util.Optional<WeightAveraging> base = provider.defaultAveraging();
        if (averagingDecay != null && averagingDecay == 0) {
            return java.util.Optional.empty();
        }
        if (averagingDecay == null && base.isEmpty()) {
            if (averagingStart != null) {
                throw new IllegalArgumentException("--ema-start needs --ema DECAY: " + provider.name()
                        + " does not average its generator weights by default");
            }
            return base;
        }
        double decay = averagingDecay != null ? averagingDecay : base.get().decay();
        int start = averagingStart != null ? averagingStart : base.map(WeightAveraging::start).orElse(0);
        return java.util.Optional.of(new WeightAveraging(decay, start));
    }
}
