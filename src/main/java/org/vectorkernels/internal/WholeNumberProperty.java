package org.vectorkernels.internal;

/** A system property that tunes the library: a whole number in a range, or an error that names it. No state, so any class's static initializer may use it. */
public final class WholeNumberProperty {
    private WholeNumberProperty() {}

    /** Property {@code name}, or {@code dflt} when it is not set. */
    public static long read(String name, String dflt, long min, long max, String unit) {
        return parse(name, System.getProperty(name, dflt), min, max, unit);
    }

    /** {@code value} of property {@code name} as a whole number in [min, max]. */
    public static long parse(String name, String value, long min, long max, String unit) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + name + "=" + value + ": must be a whole number of " + unit
                + " in [" + min + ", " + max + "]");
    }
}
