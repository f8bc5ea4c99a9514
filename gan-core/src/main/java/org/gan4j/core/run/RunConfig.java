package org.gan4j.core.run;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.train.Checkpoint;

/**
 * What recreates a run, as stored in its {@code config.properties}: the variant's name and settings
 * ({@code config.*}) and the run's own settings ({@code run.*}: seed, batch, the plan {@code epochs}
 * and {@code maxIterations}, listener intervals, ...). The same settings go into every checkpoint.
 *
 * @param variant the variant's name
 * @param variantConfig the variant's settings, as {@code GanVariant.config()} gives them
 * @param run the run's settings
 */
public record RunConfig(String variant, Map<String, String> variantConfig, Map<String, String> run) {
    /** Run setting: epochs planned in total. */
    public static final String EPOCHS = "epochs";
    /** Run setting: iteration limit in total (absent: none). */
    public static final String MAX_ITERATIONS = "maxIterations";
    /** Run setting: the training seed. */
    public static final String SEED = "seed";
    /** Run setting: batch size. */
    /** Key of the run's generator weight averaging decay ({@link org.gan4j.core.train.WeightAveraging}); absent: none. */
    public static final String AVERAGING_DECAY = "averagingDecay";
    /** Key of the iteration at which the averaging starts. */
    public static final String AVERAGING_START = "averagingStart";
    public static final String BATCH = "batch";

    public RunConfig {
        Objects.requireNonNull(variant, "variant");
        variantConfig = Collections.unmodifiableMap(new TreeMap<>(variantConfig));
        run = Collections.unmodifiableMap(new TreeMap<>(run));
    }

    /** The settings a checkpoint was written with. */
    public static RunConfig of(Checkpoint cp) {
        Map<String, String> run = new LinkedHashMap<>(cp.runConfig());
        run.put(SEED, Long.toString(cp.seed()));
        return new RunConfig(cp.variantName(), cp.variantConfig(), run);
    }

    /** A copy with one run setting changed ({@code null} removes it). */
    public RunConfig withRun(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(run);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new RunConfig(variant, variantConfig, m);
    }

    /** A run setting, or {@code fallback}. */
    public String run(String key, String fallback) {
        return run.getOrDefault(key, fallback);
    }

    /**
     * Whether {@code cp} was written by a run with these settings (same variant, variant settings,
     * seed and batch): a checkpoint of another run must never continue this one.
     */
    public boolean describes(Checkpoint cp) {
        RunConfig other = of(cp);
        return variant.equals(other.variant) && variantConfig.equals(other.variantConfig)
                && Objects.equals(run.get(SEED), other.run.get(SEED))
                && (!run.containsKey(BATCH) || !other.run.containsKey(BATCH) || run.get(BATCH).equals(other.run.get(BATCH)));
    }

    /** Writes {@code file} atomically, keys sorted so that runs diff cleanly. */
    public void write(Path file) throws IOException {
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
        String content = String.join(System.lineSeparator(), out) + System.lineSeparator();
        AtomicFiles.write(file, os -> os.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads a file written by {@link #write}. */
    public static RunConfig read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String variant = p.getProperty("variant");
        if (variant == null) {
            throw new IOException(file + " is not a gan4j run configuration (no 'variant=' line)");
        }
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, String> run = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("config.")) {
                config.put(k.substring("config.".length()), p.getProperty(k));
            } else if (k.startsWith("run.")) {
                run.put(k.substring("run.".length()), p.getProperty(k));
            }
        }
        return new RunConfig(variant, config, run);
    }
}
