package org.vectorkernels;

/**
 * What the tests fill padding with: a NaN with an unusual payload in each precision, so that a kernel
 * that writes padding, or reads it into C, shows; compared by its bits, which {@code equals} on NaN cannot.
 */
public final class Poison {
    public static final float FLOAT = Float.intBitsToFloat(0x7fc0dead);
    public static final double DOUBLE = Double.longBitsToDouble(0x7ff800000000deadL);

    private Poison() {}

    public static long bits(float x) {
        return Float.floatToRawIntBits(x);
    }

    public static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }
}
