package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * Sums of a vector's lanes in lane order. reduceLanes(ADD) leaves the order open, and its Java
 * fallback (before C2 compiles the caller) and the C2 intrinsic add in different orders, so the
 * same call could round differently from one moment to the next; this sum never does.
 */
final class Lanes {
    private Lanes() {}

    /** Σ v[i] for i in lane order, through {@code scratch} (at least LANES long). */
    static float sumInOrder(FloatVector v, float[] scratch) {
        v.intoArray(scratch, 0);
        float s = scratch[0];
        for (int i = 1; i < Blocking.LANES; i++) {
            s += scratch[i];
        }
        return s;
    }
}
