package org.gan4j.core.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of a variant's typed builder: the builder's setters record values of settings of one
 * {@link SettingTable}; {@link #settings()} resolves them (and the defaults of the others) to the immutable
 * record, a new one on every call, so changing the builder later never changes a variant already built.
 *
 * <pre>{@code
 * public static final class Builder extends SettingsBuilder<MySettings, Builder> {
 *     Builder() { super(MySettings.TABLE); }
 *     public Builder latentSize(int n) { return set(MySettings.LATENT_SIZE, n); }
 *     public MyGan build(long seed) { return new MyGan(settings(), seed); }
 * }
 * }</pre>
 *
 * @param <R> the settings record
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class SettingsBuilder<R extends Record, B extends SettingsBuilder<R, B>> {
    private final SettingTable<R> table;
    private final Map<Setting<?>, Object> given = new LinkedHashMap<>();

    protected SettingsBuilder(SettingTable<R> table) {
        this.table = table;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets one setting of the table; its own check runs now, relations between settings when the record is
     * built.
     *
     * @throws IllegalArgumentException if the value fails the setting's check or the setting is not in the table
     */
    protected final <T> B set(Setting<T> setting, T value) {
        table.check(setting);
        given.put(setting, table.resolveOne(setting, value));
        return self();
    }

    /**
     * Sets the given string settings, as a command line or a checkpoint gives them, and checks that with the
     * values set before and the defaults they form valid settings (a config is complete: an error names the
     * key now rather than at {@code build}).
     *
     * @throws IllegalArgumentException for unknown keys, bad values or settings the record rejects together
     */
    public final B config(Map<String, String> config) {
        given.putAll(table.parse(config));
        settings();
        return self();
    }

    /** Sets every setting to its value in {@code settings}. */
    public final B settings(R settings) {
        given.putAll(table.values(settings));
        return self();
    }

    /** The immutable settings: the values set, defaults for the others. */
    public final R settings() {
        return table.resolve(given);
    }

    /** The settings as text ({@link SettingTable#write}), as the variant's {@code config()} will give them. */
    public final Map<String, String> toConfig() {
        return table.write(settings());
    }
}
