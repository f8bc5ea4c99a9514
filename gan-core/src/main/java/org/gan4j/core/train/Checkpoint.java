package org.gan4j.core.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.io.AtomicFiles;
import org.gan4j.core.nn.Backend;
import org.gan4j.core.nn.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete training checkpoint, one zip file:
 * <ul>
 *   <li>{@code checkpoint.properties}: format, variant name, iteration, epoch, batch within the
 *       epoch, seed, the variant's configuration ({@code config.*}) and the run's ({@code run.*});</li>
 *   <li>{@code networks/NAME.zip}: each network in DL4J's own {@link ModelSerializer} format,
 *       with its updater state, so any of them also opens with plain DL4J;</li>
 *   <li>{@code variant-state.bin}: what {@link GanVariant#writeState} wrote.</li>
 * </ul>
 * Files are written to a temporary file in the same folder, forced to disk, then renamed over the
 * target, so a crash never leaves a half-written checkpoint under the final name.
 */
public final class Checkpoint {
    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);
    /** Version of the layout above. */
    public static final int FORMAT = 1;
    static final String PROPERTIES = "checkpoint.properties";
    static final String STATE = "variant-state.bin";
    static final String NETWORKS = "networks/";
    static final String AVERAGES = "averaged-weights.bin";
    /** The folder of a run folder that holds its checkpoints. */
    static final String RUN_CHECKPOINTS = "checkpoints";
    /**
     * Marks checkpoints whose network names follow the naming rule ({@link GanVariant#networks()}); older
     * ones are read through {@link VariantProvider#legacyNetworkNames()}.
     */
    static final String NAMING = "networkNaming";
    static final String DIRECTIONAL = "directional";

    private final Path file;
    private final Properties props;

    private Checkpoint(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    static void write(Path target, Trainer trainer) throws IOException {
        GanVariant variant = trainer.variant();
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("variant", variant.name());
        p.setProperty(NAMING, DIRECTIONAL);
        int perEpoch = trainer.batchesPerEpoch();
        int epoch = trainer.epoch();
        int batch = trainer.batchInEpoch();
        if (batch >= perEpoch) { // saved after an epoch's last batch: continue with the next epoch
            epoch++;
            batch = 0;
        }
        p.setProperty("iteration", Integer.toString(trainer.iteration()));
        p.setProperty("epoch", Integer.toString(epoch));
        p.setProperty("batchInEpoch", Integer.toString(batch));
        p.setProperty("seed", Long.toString(trainer.seed()));
        variant.config().forEach((k, v) -> p.setProperty("config." + k, v));
        trainer.runConfig().forEach((k, v) -> p.setProperty("run." + k, v));
        for (Map.Entry<String, Network> e : variant.networks().entrySet()) {
            p.setProperty("network." + e.getKey() + ".type", e.getValue().model().getClass().getSimpleName());
        }
        AveragedWeights averages = trainer.averages();
        if (averages != null) {
            p.setProperty("averaging.decay", Double.toString(averages.settings().decay()));
            p.setProperty("averaging.start", Integer.toString(averages.settings().start()));
        }

        AtomicFiles.write(target, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            zip.putNextEntry(new ZipEntry(PROPERTIES));
            StringWriter text = new StringWriter();
            p.store(text, "gan4j checkpoint");
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, Network> e : variant.networks().entrySet()) {
                zip.putNextEntry(new ZipEntry(NETWORKS + e.getKey() + ".zip"));
                ModelSerializer.writeModel(e.getValue().model(), zip, true);
                zip.closeEntry();
            }
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(state)) {
                variant.writeState(out);
            }
            zip.putNextEntry(new ZipEntry(STATE));
            zip.write(state.toByteArray());
            zip.closeEntry();
            if (averages != null) {
                zip.putNextEntry(new ZipEntry(AVERAGES));
                DataOutputStream out = new DataOutputStream(zip);
                averages.write(out);
                out.flush();
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Opens a checkpoint file, or the newest checkpoint ({@code *.zip} with the most recent
     * iteration) in a folder, or in the {@code checkpoints/} folder of a run folder.
     *
     * @throws IOException with the file name and what is wrong when it is not a gan4j checkpoint
     */
    public static Checkpoint read(Path fileOrFolder) throws IOException {
        Path file = fileOrFolder;
        if (Files.isDirectory(fileOrFolder)) {
            Path folder = Files.isDirectory(fileOrFolder.resolve(RUN_CHECKPOINTS)) ? fileOrFolder.resolve(RUN_CHECKPOINTS)
                    : fileOrFolder;
            file = latestIn(folder).orElseThrow(() -> new NoSuchFileException(folder.toString(), null,
                    "no checkpoint (*.zip with " + PROPERTIES + ") in this folder"));
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "checkpoint file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(PROPERTIES);
            if (entry == null) {
                throw new IOException(file + " is a zip but not a gan4j checkpoint (no " + PROPERTIES
                        + "); for a plain DL4J model use ModelSerializer");
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String format = p.getProperty("format");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new IOException(file + " has checkpoint format " + format + "; this gan4j reads format " + FORMAT);
            }
            return new Checkpoint(file, p);
        } catch (ZipException e) {
            throw new IOException(file + " is not a readable checkpoint (damaged or not a zip file): " + e.getMessage(), e);
        }
    }

    /**
     * The intact checkpoint in {@code folder} with the highest iteration, if any: as
     * {@link #newestValidIn} accepting any checkpoint, with damaged ones logged as warnings.
     */
    public static Optional<Path> latestIn(Path folder) throws IOException {
        return newestValidIn(folder, cp -> true, log::warn).map(Checkpoint::file);
    }

    /**
     * The checkpoint in {@code folder} with the highest iteration that passes {@link #verified()}
     * and {@code accept}. Each damaged one met on the way is skipped and reported to {@code warnings},
     * naming the file and the damage; refused ones and zips that are not checkpoints are skipped
     * silently. An absent folder holds none.
     */
    public static Optional<Checkpoint> newestValidIn(Path folder, Predicate<Checkpoint> accept,
                                                     Consumer<String> warnings) throws IOException {
        List<Checkpoint> candidates = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path z : files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                try {
                    candidates.add(read(z));
                } catch (IOException notReadable) {
                    if (notReadable.getCause() instanceof ZipException) {
                        warnings.accept(notReadable.getMessage() + "; skipped");
                    } // else another kind of zip sharing the folder
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Checkpoint::iterationOrMinus1).reversed());
        for (Checkpoint cp : candidates) {
            try {
                cp.verified();
            } catch (IOException damaged) {
                warnings.accept(damaged.getMessage() + "; skipped, falling back to the previous checkpoint");
                continue;
            }
            if (accept.test(cp)) {
                return Optional.of(cp);
            }
        }
        return Optional.empty();
    }

    private long iterationOrMinus1() {
        try {
            return iteration();
        } catch (RuntimeException badCounter) {
            return -1; // verified() reports it
        }
    }

    /**
     * Reads every entry in full and checks it against its CRC, and checks the counters and the
     * networks listed: a damaged file (bit rot, a copy cut short) fails here, before any state is
     * restored from it.
     *
     * @return this checkpoint
     * @throws IOException naming the file and what is damaged
     */
    public Checkpoint verified() throws IOException {
        try {
            iteration();
            epoch();
            batchInEpoch();
            seed();
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: bad counters in " + PROPERTIES + " (" + e.getMessage() + ")", e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : networkNames()) {
                if (zip.getEntry(NETWORKS + name + ".zip") == null) {
                    throw new IOException(file + " is damaged: network '" + name + "' is missing");
                }
            }
            byte[] buffer = new byte[1 << 16];
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                    }
                } catch (ZipException | java.io.EOFException e) {
                    throw new IOException(file + " is damaged: entry " + entry.getName() + " cannot be read ("
                            + e.getMessage() + ")", e);
                }
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new IOException(file + " is damaged: entry " + entry.getName() + " fails its checksum");
                }
            }
        } catch (ZipException e) {
            throw new IOException(file + " is damaged (not a readable zip file): " + e.getMessage(), e);
        }
        return this;
    }

    public Path file() {
        return file;
    }

    public String variantName() {
        return props.getProperty("variant");
    }

    public int iteration() {
        return Integer.parseInt(props.getProperty("iteration"));
    }

    /** The epoch to continue with. */
    public int epoch() {
        return Integer.parseInt(props.getProperty("epoch"));
    }

    /** The batch of {@link #epoch()} to continue with. */
    public int batchInEpoch() {
        return Integer.parseInt(props.getProperty("batchInEpoch"));
    }

    public long seed() {
        return Long.parseLong(props.getProperty("seed"));
    }

    /** The variant's configuration, as {@link GanVariant#config()} gave it. */
    public Map<String, String> variantConfig() {
        return prefixed("config.");
    }

    /** The run settings stored with {@link Trainer.Builder#runConfig}. */
    public Map<String, String> runConfig() {
        return prefixed("run.");
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> m.put(k.substring(prefix.length()), props.getProperty(k)));
        return m;
    }

    /** Names of the networks stored. */
    public List<String> networkNames() {
        return props.stringPropertyNames().stream()
                .filter(k -> k.startsWith("network.") && k.endsWith(".type"))
                .map(k -> k.substring("network.".length(), k.length() - ".type".length()))
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * Loads one stored network as a plain DL4J model ({@code MultiLayerNetwork} or
     * {@code ComputationGraph}) with its updater state.
     */
    public Model loadNetwork(String name) throws IOException {
        Backend.configure(); // the restored layers are created below
        name = storedName(name);
        String type = props.getProperty("network." + name + ".type");
        if (type == null) {
            throw new IllegalArgumentException("checkpoint " + file + " has no network '" + name + "'; it has "
                    + networkNames());
        }
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(NETWORKS + name + ".zip"))) {
            return switch (type) {
                case "MultiLayerNetwork" -> ModelSerializer.restoreMultiLayerNetwork(in, true);
                case "ComputationGraph" -> ModelSerializer.restoreComputationGraph(in, true);
                default -> throw new IOException("unknown network type " + type + " in " + file);
            };
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(file + " is damaged: network '" + name + "' cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A new variant with this checkpoint's name, settings and seed, its networks freshly initialised: what
     * {@link Trainer#resumeFrom} then restores. The provider is found by {@link VariantProvider#find}.
     */
    public GanVariant createVariant() {
        return VariantProvider.find(variantName()).create(variantConfig(), seed());
    }

    /**
     * The variant as it was saved, for inference (sampling, translating, evaluating): {@link #createVariant()}
     * with every network (parameters, optimizer state, counters) and the variant's own state restored, and, when
     * the run averaged its generators' weights ({@link #averaging()}), the averaged weights in the generators.
     * To continue training use {@link Trainer#resumeFrom}, which restores the trained weights and the average.
     */
        public GanVariant restoreVariant() throws IOException {
        GanVariant variant = createVariant();
        restoreInto(variant);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry averages = zip.getEntry(AVERAGES);
            if (averages != null) {
                try (DataInputStream in = new DataInputStream(zip.getInputStream(averages))) {
                    AveragedWeights.load(in, variant);
                }
            }
        }
        return variant;
    }

    /**
     * The name a network has in this file: its own, or for checkpoints written before the naming rule,
     * the old name the variant's provider gives (e.g. CycleGAN's {@code D_A} was stored as {@code D_B}).
     */
    private String storedName(String name) {
        if (DIRECTIONAL.equals(props.getProperty(NAMING))) {
            return name;
        }
        Map<String, String> legacy;
        try {
            legacy = VariantProvider.find(variantName()).legacyNetworkNames();
        } catch (IllegalArgumentException unknownVariant) {
            return name;
        }
        return legacy.getOrDefault(name, name);
    }

    /** The generator weight averaging the run used, if it averaged ({@link Trainer.Builder#averaging}). */
    public Optional<WeightAveraging> averaging() {
        String decay = props.getProperty("averaging.decay");
        return decay == null ? Optional.empty()
                : Optional.of(new WeightAveraging(Double.parseDouble(decay),
                        Integer.parseInt(props.getProperty("averaging.start", "0"))));
    }

    /**
     * Restores a trainer's averaged weights; a checkpoint of a run that did not average starts the average at
     * the restored weights.
     */
    void restoreAverages(AveragedWeights averages) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(AVERAGES);
            if (entry == null) {
                averages.reset();
                return;
            }
            try (DataInputStream in = new DataInputStream(zip.getInputStream(entry))) {
                averages.read(in, file.toString());
            }
        }
    }

    /** Copies every network's state and the variant's own state into {@code variant}. */
    void restoreInto(GanVariant variant) throws IOException {
        for (Map.Entry<String, Network> e : variant.networks().entrySet()) {
            e.getValue().copyStateFrom(loadNetwork(e.getKey()));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry state = zip.getEntry(STATE);
            byte[] bytes = state == null ? new byte[0] : zip.getInputStream(state).readAllBytes();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                variant.readState(in);
            }
        }
    }
}
