package org.gan4j.examples.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gan4j.core.listeners.CheckpointListener;
import org.gan4j.core.listeners.LossLogListener;
import org.gan4j.core.listeners.ProgressListener;
import org.gan4j.core.listeners.SampleGridListener;
import org.gan4j.core.train.TrainingListener;

/** The layout of a run folder and the listeners that fill it. */
final class RunFolder {
    final Path root;

    RunFolder(Path root) {
        this.root = root;
    }

    Path checkpoints() {
        return root.resolve("checkpoints");
    }

    Path samples() {
        return root.resolve("samples");
    }

    Path lossLog() {
        return root.resolve("losses.csv");
    }

    Path lossPlot() {
        return root.resolve("losses.png");
    }

    Path config() {
        return root.resolve("config.properties");
    }

    Path generator() {
        return root.resolve("generator.zip");
    }

    TrainingListener[] listeners(int sampleEvery, int checkpointEvery, int keep, int scale) {
        return new TrainingListener[] {
            new ProgressListener(),
            new LossLogListener(lossLog()),
            new SampleGridListener(samples(), sampleEvery, scale),
            new CheckpointListener(checkpoints(), checkpointEvery, keep)
        };
    }

    /** Writes config.properties (sorted keys, so runs diff cleanly). */
    void writeConfig(String variant, Map<String, String> variantConfig, Map<String, String> run) throws IOException {
        Files.createDirectories(root);
        Properties p = new Properties();
        p.setProperty("variant", variant);
        variantConfig.forEach((k, v) -> p.setProperty("config." + k, v));
        run.forEach((k, v) -> p.setProperty("run." + k, v));
        StringWriter text = new StringWriter();
        p.store(text, "gan4j run configuration");
        List<String> lines = new ArrayList<>(text.toString().lines().toList());
        List<String> comments = lines.stream().filter(l -> l.startsWith("#")).toList();
        lines.removeAll(comments);
        Collections.sort(lines);
        List<String> out = new ArrayList<>(comments);
        out.addAll(lines);
        Files.write(config(), out, StandardCharsets.UTF_8);
    }
}
