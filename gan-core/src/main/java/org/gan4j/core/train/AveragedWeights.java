package org.gan4j.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gan4j.core.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The shadow weights of {@link WeightAveraging}: one array per exported generator, updated after each step. */
final class AveragedWeights {
    private final WeightAveraging settings;
    private final Map<String, Network> generators = new LinkedHashMap<>();
    private final Map<String, INDArray> shadows = new LinkedHashMap<>();

    AveragedWeights(WeightAveraging settings, GanVariant variant) {
        this.settings = settings;
        for (String name : generatorNames(variant)) {
            Network n = variant.networks().get(name);
            generators.put(name, n);
            shadows.put(name, n.params().dup());
        }
        if (generators.isEmpty()) {
            throw new IllegalArgumentException("variant " + variant.name() + " exports no generator whose weights"
                    + " could be averaged");
        }
    }

    /** The networks whose weights are averaged: the exported generators that are trained networks. */
    static Iterable<String> generatorNames(GanVariant variant) {
        return variant.exportedModels().keySet().stream().filter(variant.networks()::containsKey).toList();
    }

    WeightAveraging settings() {
        return settings;
    }

    /** Folds the current weights in, after {@code iteration} steps in total. */
    void update(int iteration) {
        double f = settings.factor(iteration);
        for (Map.Entry<String, INDArray> e : shadows.entrySet()) {
            INDArray weights = generators.get(e.getKey()).params();
            if (f == 0) {
                e.getValue().assign(weights);
            } else {
                e.getValue().muli(f).addi(weights.mul(1 - f));
            }
        }
    }

    /** Starts the average again at the current weights. */
    void reset() {
        shadows.forEach((name, shadow) -> shadow.assign(generators.get(name).params()));
    }

    /** Runs {@code work} with the averaged weights in the generators, then puts the trained weights back exactly. */
    <T> T apply(Supplier<T> work) {
        Map<String, INDArray> trained = new LinkedHashMap<>();
        generators.forEach((name, n) -> trained.put(name, n.params().dup()));
        try {
            generators.forEach((name, n) -> n.params().assign(shadows.get(name)));
            return work.get();
        } finally {
            generators.forEach((name, n) -> n.params().assign(trained.get(name)));
        }
    }

    /** Names and arrays in a fixed order, for checkpoints. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(shadows.size());
        for (Map.Entry<String, INDArray> e : shadows.entrySet()) {
            out.writeUTF(e.getKey());
            Nd4j.write(e.getValue(), out);
        }
    }

    /** Restores what {@link #write} saved (every generator must be there with the same size). */
    void read(DataInputStream in, String source) throws IOException {
        int n = in.readInt();
        Map<String, INDArray> read = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            read.put(in.readUTF(), Nd4j.read(in));
        }
        for (Map.Entry<String, INDArray> e : shadows.entrySet()) {
            INDArray saved = read.get(e.getKey());
            if (saved == null || saved.length() != e.getValue().length()) {
                throw new IOException(source + " has no averaged weights for " + e.getKey() + " of this size");
            }
            e.getValue().assign(saved.reshape(e.getValue().shape()));
        }
    }

    /** Writes averaged weights saved by {@link #write} into {@code variant}'s generators (inference use). */
    static void load(DataInputStream in, GanVariant variant) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            INDArray saved = Nd4j.read(in);
            Network net = variant.networks().get(name);
            if (net != null && net.params().length() == saved.length()) {
                net.params().assign(saved.reshape(net.params().shape()));
            }
        }
    }
}
