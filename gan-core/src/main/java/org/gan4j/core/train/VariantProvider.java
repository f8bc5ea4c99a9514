package org.gan4j.core.train;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gan4j.core.nn.Backend;
import org.gan4j.core.settings.Setting;

/**
 * Creates a {@link GanVariant} by name from its configuration, so that command lines and
 * checkpoints can refer to variants by name. Register implementations in
 * {@code META-INF/services/org.gan4j.core.train.VariantProvider}.
 */
public interface VariantProvider {

    /** The name this provider answers to (the variant's {@link GanVariant#name()}). */
    String name();

    /** One line for help texts. */
    String description();

    /**
     * The batch size to train with when the user names none: the variant's paper or tutorial value
     * (64 unless the provider says otherwise).
     */
    default int defaultBatchSize() {
        return 64;
    }

    /**
     * Generator weight averaging to train with when the user says nothing ({@code --ema}); none unless the
     * provider says otherwise (a variant turns it on where it was measured to help).
     */
    default java.util.Optional<WeightAveraging> defaultAveraging() {
        return java.util.Optional.empty();
    }

    /**
     * The settings {@link #create} accepts (names, defaults, descriptions), for help texts such as
     * {@code gan settings NAME}: usually {@code MySettings.TABLE.settings()} (see
     * {@link org.gan4j.core.settings.SettingTable}). Empty unless the provider declares them.
     */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /**
     * Builds a variant with freshly initialised networks.
     *
     * @param config settings from {@link GanVariant#config()} or a command line; absent keys take defaults
     * @param seed seed for weight initialisation
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    GanVariant create(Map<String, String> config, long seed);

    /**
     * For checkpoints written before gan4j's network naming rule (see {@link GanVariant#networks()}):
     * the name each current network had there, e.g. {@code G_AB -> G_A}. Only names that changed.
     * Default: none.
     */
    default Map<String, String> legacyNetworkNames() {
        return Map.of();
    }

    /** Finds the provider for {@code name} on the class path. */
    static VariantProvider find(String name) {
        Backend.configure(); // before the provider builds any network
        StringBuilder known = new StringBuilder();
        for (VariantProvider p : ServiceLoader.load(VariantProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
            known.append(known.length() == 0 ? "" : ", ").append(p.name());
        }
        throw new IllegalArgumentException("unknown GAN variant '" + name + "'; known: " + known);
    }
}
