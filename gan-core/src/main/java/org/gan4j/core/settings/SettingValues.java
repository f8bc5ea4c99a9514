package org.gan4j.core.settings;

/**
 * The values resolved so far while a {@link SettingTable} resolves a record, in table order: what a
 * derived default ({@link Setting#defaultValue(java.util.function.Function, String)}) may read.
 */
public interface SettingValues {

    /**
     * The value of an earlier setting of the table.
     *
     * @throws IllegalStateException if {@code setting} is not an earlier setting of the table
     */
    <T> T get(Setting<T> setting);

    /** The value of the earlier setting named {@code name} (for settings shared between tables). */
    Object get(String name);
}
