package org.gan4j.examples.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gan4j.core.io.IoErrors;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.train.Checkpoint;
import org.gan4j.core.train.Trainer;
import org.gan4j.core.train.TrainingListener;

/**
 * The process {@link CrashTest} kills: trains {@link TinyGan} in a run folder with the standard
 * listeners, continuing from the newest intact checkpoint as {@code gan resume --run} does. Prints
 * {@code @@started N} once it owns the folder and has restored iteration N, {@code @@it N} before the
 * listeners handle iteration N (so a kill shortly after lands in the loss-log append, the sample grid
 * or the checkpoint write of N), and {@code @@done N}.
 *
 * <p>Arguments: {@code RUN_DIR MAX_ITERATIONS CHECKPOINT_EVERY [hold]}; with {@code hold} it only
 * takes the folder and waits until its standard input closes (the concurrent-writer case).
 */
public final class CrashTestChild {
    static final long SEED = 5;
    static final int EPOCHS = 1000;

    private CrashTestChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long maxIterations = Long.parseLong(args[1]);
        int checkpointEvery = Integer.parseInt(args[2]);
        boolean hold = args.length > 3 && args[3].equals("hold");
        try (RunDirectory run = RunDirectory.open(dir, "crash-test child")) {
            if (hold) {
                System.out.println("@@started 0");
                System.out.flush();
                System.in.read();
                return;
            }
            TinyGan variant = new TinyGan(SEED);
            TrainingListener announcer = new TrainingListener() {
                @Override
                public void onIteration(Trainer t, Map<String, Double> losses) {
                    System.out.println("@@it " + t.iteration());
                    System.out.flush();
                }
            };
            Trainer trainer = Trainer.builder(variant, TinyGan.examples()).epochs(EPOCHS).seed(SEED)
                    .maxIterations(maxIterations).gcInterval(Duration.ZERO)
                    .listeners(announcer).listeners(run.listeners(50, checkpointEvery, 3, 1)).build();
            Optional<Checkpoint> cp = run.newestValidCheckpoint(System.err::println);
            if (cp.isPresent()) {
                trainer.resumeFrom(cp.get().file());
            }
            System.out.println("@@started " + trainer.iteration());
            System.out.flush();
            trainer.fit();
            System.out.println("@@done " + trainer.iteration());
            System.out.flush();
        } catch (Exception | Error e) {
            System.err.println("error: " + IoErrors.message(e));
            System.exit(2);
        }
        System.exit(0);
    }
}
