package org.gan4j.models;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a variant's string settings with clear errors for unknown keys and bad values (public for variants in sub-packages: i2i, srgan). */
public final class Settings {
    private final String variant;
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    public Settings(String variant, Map<String, String> values) {
        this.variant = variant;
        this.values = values;
    }

    public boolean has(String key) {
        used.add(key);
        return values.containsKey(key);
    }

    public String string(String key, String fallback) {
        used.add(key);
        return values.getOrDefault(key, fallback);
    }

    public int integer(String key, int fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a whole number");
        }
    }

    public double real(String key, double fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        String norm = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm) || e.name().replace("_", "").equals(norm)) {
                return e;
            }
        }
        throw bad(key, v, "one of " + Arrays.toString(Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toArray()));
    }

    /** Throws if a key was given that no setting read. */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) for " + variant + ": " + unknown
                    + "; known: " + new TreeSet<>(used));
        }
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(variant + " setting " + key + "='" + value + "' is not " + expected);
    }
}
