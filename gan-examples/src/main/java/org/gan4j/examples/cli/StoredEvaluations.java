package org.gan4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gan4j.core.report.EvaluationResult;
import org.gan4j.core.report.RunReport;

/** Evaluations made on a run folder are stored in it ({@code RUN/eval/NAME.json}) and shown in its report. */
final class StoredEvaluations {
    private StoredEvaluations() {}

    /**
     * The run folder {@code checkpoint} names: a run folder itself, or a checkpoint file in a run's
     * {@code checkpoints/} folder. Empty for anything else (a lone checkpoint file, a folder of checkpoints).
     */
    static Optional<Path> runFolderOf(Path checkpoint) {
        if (Files.isDirectory(checkpoint.resolve("checkpoints"))) {
            return Optional.of(checkpoint);
        }
        Path folder = checkpoint.toAbsolutePath().normalize().getParent();
        if (Files.isRegularFile(checkpoint) && folder != null && folder.getFileName().toString().equals("checkpoints")
                && Files.isRegularFile(folder.resolveSibling("config.properties"))) {
            return Optional.of(folder.getParent());
        }
        return Optional.empty();
    }

    /** Stores {@code result} in the run folder of {@code checkpoint}, if it has one, and refreshes its report. */
    static void save(Path checkpoint, EvaluationResult result) throws IOException {
        Optional<Path> run = runFolderOf(checkpoint);
        if (run.isEmpty()) {
            return;
        }
        Path file = result.writeTo(run.get());
        System.out.println();
        System.out.println("stored in " + file);
        try {
            System.out.println("report: " + RunReport.write(run.get()));
        } catch (IOException e) {
            System.out.println("the report was not updated (" + e.getMessage() + "); 'gan report " + run.get() + "' retries");
        }
    }
}
