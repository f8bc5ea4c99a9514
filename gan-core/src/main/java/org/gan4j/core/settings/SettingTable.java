package org.gan4j.core.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The settings of one variant bound to the components of an immutable record: the one table that drives
 * its builder ({@link SettingsBuilder}), reading ({@link #read}) and writing ({@link #write}) the string
 * maps that command lines and checkpoints use, and help texts ({@link #settings}).
 *
 * <p>The record has one component per setting, with the setting's name, in table order, and checks
 * relations between settings in its compact constructor (each setting's own check runs before). Defaults
 * are resolved in table order, so a default may depend on earlier settings (a preset first).
 *
 * <pre>{@code
 * public record MySettings(int latentSize, double learningRate) {
 *     static final Setting<Integer> LATENT_SIZE = Setting.integer("latentSize", "length of z")
 *             .defaultValue(100).require(n -> n > 0, "positive");
 *     static final Setting<Double> LEARNING_RATE = Setting.real("learningRate", "Adam learning rate")
 *             .defaultValue(2e-4).require(x -> x > 0, "positive");
 *     public static final SettingTable<MySettings> TABLE =
 *             SettingTable.of("mygan", MySettings.class, LATENT_SIZE, LEARNING_RATE);
 * }
 * }</pre>
 *
 * @param <R> the record type
 */
public final class SettingTable<R extends Record> {
    private final String owner;
    private final Class<R> type;
    private final List<Setting<?>> settings;
    private final Map<String, Setting<?>> byName = new HashMap<>();
    private final Method[] accessors;
    private final Constructor<R> constructor;

    private SettingTable(String owner, Class<R> type, List<Setting<?>> settings) {
        this.owner = owner;
        this.type = type;
        this.settings = settings;
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = settings.stream().map(Setting::name).toList();
        List<String> componentNames = Arrays.stream(components).map(RecordComponent::getName).toList();
        if (!names.equals(componentNames)) {
            throw new IllegalArgumentException(owner + ": the settings " + names + " must be the components of "
                    + type.getSimpleName() + ", in order: " + componentNames);
        }
        accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Setting<?> s = settings.get(i);
            types[i] = components[i].getType();
            if (boxed(types[i]) != s.type()) {
                throw new IllegalArgumentException(owner + ": setting " + s.name() + " is a " + s.type().getSimpleName()
                        + " but the component is a " + types[i].getSimpleName());
            }
            s.defaultText(); // fails early for a setting declared without a default
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            byName.put(s.name(), s);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has a canonical constructor", e);
        }
    }

    /**
     * A table for the record {@code type}.
     *
     * @param owner the variant name, for error messages
     * @param settings one per record component, in component order
     * @throws IllegalArgumentException if names, order or types do not match the components, or a setting has no default
     */
    public static <R extends Record> SettingTable<R> of(String owner, Class<R> type, Setting<?>... settings) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        return new SettingTable<>(owner, type, List.of(settings));
    }

    /** The variant name this table belongs to. */
    public String owner() {
        return owner;
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The settings in table order (names, types, defaults, descriptions, for help texts). */
    public List<Setting<?>> settings() {
        return settings;
    }

    /** The setting called {@code name}, or null. */
    public Setting<?> setting(String name) {
        return byName.get(name);
    }

    /** The record with every default. */
    public R defaults() {
        return resolve(Map.of());
    }

    /**
     * The record from string settings as {@link #write} gives them or a user types them; absent keys take
     * their defaults.
     *
     * @throws IllegalArgumentException for unknown keys (listing the known ones), values that do not parse or
     *     fail a check (naming the setting and the value), or settings the record rejects together
     */
    public R read(Map<String, String> config) {
        return resolve(parse(config));
    }

    /** Typed values of the given string settings (unknown keys and bad values are errors, as in {@link #read}). */
    Map<Setting<?>, Object> parse(Map<String, String> config) {
        TreeSet<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(byName.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) for " + owner + ": " + unknown + "; known: "
                    + settings.stream().map(Setting::name).toList());
        }
        Map<Setting<?>, Object> given = new LinkedHashMap<>();
        for (Setting<?> s : settings) {
            String text = config.get(s.name());
            if (text != null) {
                given.put(s, named(() -> s.check(s.parse(text))));
            }
        }
        return given;
    }

    /**
     * The record from typed values of some settings; the others take their defaults, in table order.
     *
     * @throws IllegalArgumentException for a setting of another table, a value that fails its check, or settings
     *     the record rejects together
     */
    public R resolve(Map<Setting<?>, ?> given) {
        for (Setting<?> s : given.keySet()) {
            check(s);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        SettingValues earlier = new SettingValues() {
            @Override
            public <T> T get(Setting<T> setting) {
                return setting.type().cast(get(setting.name()));
            }

            @Override
            public Object get(String name) {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException(owner + ": a default reads setting " + name
                            + ", which is not an earlier setting of the table");
                }
                return values.get(name);
            }
        };
        Object[] args = new Object[settings.size()];
        for (int i = 0; i < args.length; i++) {
            Setting<?> s = settings.get(i);
            Object v = given.containsKey(s) ? given.get(s) : s.defaultFor(earlier);
            args[i] = named(() -> s.check(v));
            values.put(s.name(), args[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(owner + " settings: " + iae.getMessage(), iae);
            }
            throw new IllegalStateException(owner + " settings: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every setting of {@code settings} as text, in table order (optional settings without a value are left out). */
    public Map<String, String> write(R settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < this.settings.size(); i++) {
            Object v = value(settings, i);
            if (v != null) {
                m.put(this.settings.get(i).name(), format(this.settings.get(i), v));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every value of {@code settings}, typed, in table order (e.g. to start a builder from a record). */
    Map<Setting<?>, Object> values(R settings) {
        Map<Setting<?>, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < this.settings.size(); i++) {
            Object v = value(settings, i);
            if (v != null) {
                m.put(this.settings.get(i), v);
            }
        }
        return m;
    }

    <T> T resolveOne(Setting<T> s, T value) {
        return named(() -> s.check(value));
    }

    void check(Setting<?> s) {
        if (byName.get(s.name()) != s) {
            throw new IllegalArgumentException(owner + " has no setting " + s.name() + " of this kind; known: "
                    + settings.stream().map(Setting::name).toList());
        }
    }

    private Object value(R record, int i) {
        try {
            return accessors[i].invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> s, Object v) {
        return s.format((T) v);
    }

    private <T> T named(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + " " + e.getMessage(), e);
        }
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == double.class ? Double.class : c == boolean.class ? Boolean.class
                : c == long.class ? Long.class : c;
    }
}
