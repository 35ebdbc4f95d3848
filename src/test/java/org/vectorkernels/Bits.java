package org.vectorkernels;

import java.util.stream.IntStream;

/**
 * Bit patterns for the tests, in either precision (so that a test's double twin reads as its float
 * source): what padding is filled with, a NaN with an unusual payload, so that a kernel that writes
 * padding, or reads it into C, shows; and raw bits to compare results by, which {@code equals} on NaN cannot.
 */
public final class Bits {
    public static final float POISON_FLOAT = Float.intBitsToFloat(0x7fc0dead);
    public static final double POISON_DOUBLE = Double.longBitsToDouble(0x7ff800000000deadL);

    private Bits() {}

    public static long of(float x) {
        return Float.floatToRawIntBits(x);
    }

    public static long of(double x) {
        return Double.doubleToRawLongBits(x);
    }

    public static long[] of(float[] x) {
        return IntStream.range(0, x.length).mapToLong(i -> of(x[i])).toArray();
    }

    public static long[] of(double[] x) {
        return IntStream.range(0, x.length).mapToLong(i -> of(x[i])).toArray();
    }
}
