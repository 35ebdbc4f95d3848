// GENERATED from src/main/java/org/vectorkernels/internal/panama/Lanes.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

/**
 * Sums of a vector's lanes in lane order. reduceLanes(ADD) leaves the order open, and its Java
 * fallback (before C2 compiles the caller) and the C2 intrinsic add in different orders, so the
 * same call could round differently from one moment to the next; this sum never does.
 */
final class Lanes {
    private Lanes() {}

    /**
     * Σ v[i] in lane order, for a vector the caller has stored at scratch[from..from+LANES): the
     * vector is not passed, since a call that C2 does not inline would box it (and any vector
     * still live across it), so callers store every vector before summing.
     */
    static double sumInOrder(double[] scratch, int from) {
        double s = scratch[from];
        for (int i = 1; i < Species.LANES; i++) {
            s += scratch[from + i];
        }
        return s;
    }
}
