package org.gan4j.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The range checks of every numeric option, as picocli converters ({@code converter = ...}): a value
 * out of range is refused while the command line is parsed, with the option's name, the value and the
 * allowed range, before anything is created on disk.
 */
final class NumericOptions {
    private NumericOptions() {}

    /** 1, 2, 3, ... (sizes, counts, intervals). */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) check(parseLong(value, Integer.MAX_VALUE), 1, "a positive whole number (1, 2, ...)");
        }
    }

    /** 0, 1, 2, ... */
    static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) check(parseLong(value, Integer.MAX_VALUE), 0, "a whole number >= 0");
        }
    }

    /** 1, 2, 3, ... up to 2^63-1 (iteration counts). */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return check(parseLong(value, Long.MAX_VALUE), 1, "a positive whole number (1, 2, ...)");
        }
    }

    /** A finite number above 0. */
    static final class PositiveReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d = parseDouble(value);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new TypeConversionException("'" + value + "' must be a number above 0");
            }
            return d;
        }
    }

    /** A number in [0, 1]. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d = parseDouble(value);
            if (!(d >= 0 && d <= 1)) {
                throw new TypeConversionException("'" + value + "' must be a fraction between 0 and 1");
            }
            return d;
        }
    }

    private static long parseLong(String value, long max) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (v > max) {
            throw new TypeConversionException("'" + value + "' is too large (at most " + max + ")");
        }
        return v;
    }

    private static double parseDouble(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }

    private static long check(long v, long min, String what) {
        if (v < min) {
            throw new TypeConversionException("'" + v + "' must be " + what);
        }
        return v;
    }
}
