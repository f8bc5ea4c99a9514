package org.gan4j.examples;

import java.nio.file.Path;
import org.gan4j.core.listeners.CheckpointListener;
import org.gan4j.core.listeners.LossLogListener;
import org.gan4j.core.listeners.ProgressListener;
import org.gan4j.core.listeners.ReportListener;
import org.gan4j.core.listeners.SampleGridListener;
import org.gan4j.core.train.Trainer;
import org.gan4j.datasets.mnist.Mnist;
import org.gan4j.datasets.mnist.MnistBatchSource;
import org.gan4j.datasets.mnist.MnistSplit;
import org.gan4j.examples.cli.Runs;
import org.gan4j.models.unconditional.Gan;

/**
 * Trains the MLP GAN on MNIST: the same as {@code ./gan train gan --epochs 5 --out runs/gan-example}, in code.
 */
public final class MnistGanExample {
    private MnistGanExample() {}

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "runs/gan-example");
        Gan gan = Gan.builder().build(42);
        MnistBatchSource data = new MnistBatchSource(Mnist.load(MnistSplit.TRAIN), Gan.DEFAULT_BATCH_SIZE);
        Trainer trainer = Trainer.builder(gan, data)
                .epochs(5)
                .seed(42)
                .averaging(Gan.DEFAULT_AVERAGING)                // what `gan train` uses
                .listeners(new ProgressListener(),
                        new LossLogListener(run.resolve("losses.csv")),
                        new SampleGridListener(run.resolve("samples"), 500, 2),
                        new CheckpointListener(run.resolve("checkpoints"), 1000, 2),
                        new ReportListener(run, 500))   // run/report.html, updated with each grid
                .build();
        Runs.fit(trainer, run);                                   // Ctrl-C stops cleanly, with a final checkpoint
    }
}
