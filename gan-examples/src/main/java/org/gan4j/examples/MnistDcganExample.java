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
import org.gan4j.models.unconditional.Dcgan;

/**
 * Trains the DCGAN (TensorFlow tutorial networks, DCGAN paper training settings) on MNIST: the same as
 * {@code ./gan train dcgan --epochs 5 --out runs/dcgan-example}, in code.
 */
public final class MnistDcganExample {
    private MnistDcganExample() {}

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "runs/dcgan-example");
        Dcgan dcgan = Dcgan.builder().build(42);                  // documented defaults
        MnistBatchSource data = new MnistBatchSource(Mnist.load(MnistSplit.TRAIN), Dcgan.DEFAULT_BATCH_SIZE);
        Trainer trainer = Trainer.builder(dcgan, data)
                .epochs(5)
                .seed(42)
                .averaging(Dcgan.DEFAULT_AVERAGING)                // what `gan train` uses
                .listeners(new ProgressListener(),
                        new LossLogListener(run.resolve("losses.csv")),
                        new SampleGridListener(run.resolve("samples"), 100, 2),
                        new CheckpointListener(run.resolve("checkpoints"), 500, 2),
                        new ReportListener(run, 100))   // run/report.html, updated with each grid
                .build();
        Runs.fit(trainer, run);                                   // Ctrl-C stops cleanly, with a final checkpoint
    }
}
