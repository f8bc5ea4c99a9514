package org.gan4j.core.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting of a variant, declared in one place: its name (the key in config maps and on the command
 * line, and the name of the record component that holds it), its type, its default (a constant or a rule
 * over earlier settings, e.g. a preset), the check every value must pass and a one-line description.
 * Immutable: the refining methods return a new setting.
 *
 * <pre>{@code
 * static final Setting<Integer> LATENT_SIZE = Setting.integer("latentSize", "length of the noise vector z")
 *         .defaultValue(100).require(n -> n > 0, "positive");
 * }</pre>
 *
 * <p>Text forms: whole numbers and reals as Java writes them ({@code 2.0E-4}), {@code true}/{@code false},
 * enum constants in lower case (read case-insensitively, with or without {@code _}, {@code -} for {@code _}).
 *
 * @param <T> the value type (boxed for primitive record components)
 */
public final class Setting<T> {
    private final String name;
    private final Class<T> type;
    private final String description;
    private final Function<SettingValues, T> defaultRule;
    private final T constant;
    private final String defaultText;
    private final boolean optional;
    private final Predicate<? super T> check;
    private final String requirement;
    private final Function<? super T, String> spelling;

    private Setting(String name, Class<T> type, String description, Function<SettingValues, T> defaultRule,
                    T constant, String defaultText, boolean optional, Predicate<? super T> check, String requirement,
                    Function<? super T, String> spelling) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.defaultRule = defaultRule;
        this.constant = constant;
        this.defaultText = defaultText;
        this.optional = optional;
        this.check = check;
        this.requirement = requirement;
        this.spelling = spelling;
    }

    private static <T> Setting<T> of(String name, Class<T> type, String description) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        return new Setting<>(name, type, Objects.requireNonNull(description, "description"), null, null, null, false,
                null, null, null);
    }

    /** A whole-number setting (an {@code int} record component). */
    public static Setting<Integer> integer(String name, String description) {
        return of(name, Integer.class, description);
    }

    /** A real-number setting (a {@code double} record component). */
    public static Setting<Double> real(String name, String description) {
        return of(name, Double.class, description);
    }

    /** A true/false setting (a {@code boolean} record component). */
    public static Setting<Boolean> flag(String name, String description) {
        return of(name, Boolean.class, description);
    }

    /** A text setting. */
    public static Setting<String> text(String name, String description) {
        return of(name, String.class, description);
    }

    /** A file setting. */
    public static Setting<Path> path(String name, String description) {
        return of(name, Path.class, description);
    }

    /** One constant of {@code type}. */
    public static <E extends Enum<E>> Setting<E> choice(String name, Class<E> type, String description) {
        return of(name, type, description);
    }

    /** This setting with a constant default. */
    public Setting<T> defaultValue(T value) {
        Objects.requireNonNull(value, "value (use optional() for a setting without a value)");
        return new Setting<>(name, type, description, v -> value, value, null, false, check, requirement, spelling);
    }

    /**
     * This setting with a default computed from earlier settings of the table (e.g. the preset).
     *
     * @param rule the default, given the values resolved so far
     * @param text the rule for help texts, e.g. {@code "256 paper, 64 cpu"}
     */
    public Setting<T> defaultValue(Function<SettingValues, T> rule, String text) {
        return new Setting<>(name, type, description, Objects.requireNonNull(rule), null, Objects.requireNonNull(text), false,
                check, requirement, spelling);
    }

    /** This setting without a default: its value is null unless given, and a null value is not written. */
    public Setting<T> optional() {
        if (type == Integer.class || type == Double.class || type == Boolean.class) {
            throw new IllegalStateException("setting " + name + ": a " + type.getSimpleName()
                    + " (a primitive record component) cannot be optional; give it a default");
        }
        return new Setting<>(name, type, description, v -> null, null, "none", true, check, requirement, spelling);
    }

    /**
     * This setting with a further check on every value (given or default; null values of optional settings
     * are not checked).
     *
     * @param requirement what a valid value is, for the error message, e.g. {@code "positive"}
     */
    public Setting<T> require(Predicate<? super T> test, String requirement) {
        Objects.requireNonNull(test);
        Objects.requireNonNull(requirement);
        Predicate<? super T> previous = check;
        Predicate<T> both = previous == null ? test::test : x -> previous.test(x) && test.test(x);
        String text = this.requirement == null ? requirement : this.requirement + " and " + requirement;
        return new Setting<>(name, type, description, defaultRule, constant, defaultText, optional, both, text, spelling);
    }

    /** This setting with its own text form of values (e.g. {@code resnet9} for {@code RESNET_9}); reading accepts it. */
    public Setting<T> spelled(Function<? super T, String> spelling) {
        return new Setting<>(name, type, description, defaultRule, constant, defaultText, optional, check, requirement,
                Objects.requireNonNull(spelling));
    }

    /** The key in config maps and the record component's name. */
    public String name() {
        return name;
    }

    /** The value type. */
    public Class<T> type() {
        return type;
    }

    /** One line for help texts. */
    public String description() {
        return description;
    }

    /** The default for help texts: the value, a rule such as {@code "256 paper, 64 cpu"}, or {@code none}. */
    public String defaultText() {
        if (defaultRule == null) {
            throw new IllegalStateException("setting " + name + " has no default: declare one or make it optional()");
        }
        return constant != null ? format(constant) : defaultText;
    }

    /** Whether the setting may have no value (see {@link #optional()}). */
    public boolean isOptional() {
        return optional;
    }

    /** What a valid value is (e.g. {@code "positive"}), or an empty string when every value of the type is. */
    public String requirement() {
        return requirement == null ? "" : requirement;
    }

    /** The accepted values of a choice (lower case), or an empty array for other types. */
    public String[] choices() {
        if (!type.isEnum()) {
            return new String[0];
        }
        return Arrays.stream(type.getEnumConstants()).map(this::format).toArray(String[]::new);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the setting, the value and what was expected
     */
    T parse(String text) {
        Objects.requireNonNull(text, "text");
        String v = text.trim();
        Object value;
        if (type == Integer.class) {
            value = parseNumber(text, v, Integer::valueOf, "a whole number");
        } else if (type == Double.class) {
            value = parseNumber(text, v, Double::valueOf, "a number");
        } else if (type == Boolean.class) {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw bad(text, "true or false");
            }
            value = Boolean.parseBoolean(v);
        } else if (type == String.class) {
            value = text;
        } else if (type == Path.class) {
            try {
                value = Path.of(v);
            } catch (InvalidPathException e) {
                throw bad(text, "a file path (" + e.getReason() + ")");
            }
        } else {
            value = parseChoice(text, v);
        }
        return type.cast(value);
    }

    private Object parseNumber(String text, String v, Function<String, Object> parser, String expected) {
        try {
            return parser.apply(v);
        } catch (NumberFormatException e) {
            throw bad(text, expected);
        }
    }

    private Object parseChoice(String text, String v) {
        String norm = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (T e : type.getEnumConstants()) {
            String constant = ((Enum<?>) e).name();
            if (constant.equals(norm) || constant.replace("_", "").equals(norm.replace("_", ""))
                    || format(e).equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw bad(text, "one of " + String.join(", ", choices()));
    }

    /** The text form of {@code value} (as {@code parse} reads it). */
    String format(T value) {
        if (spelling != null) {
            return spelling.apply(value);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /**
     * Checks a value against the type and the requirements.
     *
     * @return the value
     * @throws IllegalArgumentException naming the setting, the value and the requirement
     */
    T check(Object value) {
        if (value == null) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException("setting " + name + " needs a value");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("setting " + name + " is a " + type.getSimpleName() + ", got "
                    + value.getClass().getSimpleName() + " " + value);
        }
        T v = type.cast(value);
        if (check != null && !check.test(v)) {
            throw new IllegalArgumentException("setting " + name + "=" + format(v) + " is not valid: it must be "
                    + requirement);
        }
        return v;
    }

    T defaultFor(SettingValues values) {
        if (defaultRule == null) {
            throw new IllegalStateException("setting " + name + " has no default: declare one or make it optional()");
        }
        return defaultRule.apply(values);
    }

    private IllegalArgumentException bad(String text, String expected) {
        return new IllegalArgumentException("setting " + name + "='" + text + "' is not " + expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
