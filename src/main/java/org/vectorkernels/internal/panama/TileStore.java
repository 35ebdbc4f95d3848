package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/** Writes one row of a finished micro-tile back to C: {@code C := alpha·acc + beta·C}. */
final class TileStore {
    private TileStore() {}

    /** Stores the first {@code nr} of the row's two vectors at {@code c[idx..]}; masks cover a short edge. */
    static void row(FloatVector v0, FloatVector v1, float alpha, float beta, float[] c, int idx, int nr) {
        final int lanes = Blocking.LANES;
        if (nr >= 2 * lanes) {
            store(v0, alpha, beta, c, idx, Blocking.F.maskAll(true));
            store(v1, alpha, beta, c, idx + lanes, Blocking.F.maskAll(true));
        } else {
            store(v0, alpha, beta, c, idx, Blocking.F.indexInRange(0, nr));
            if (nr > lanes) {
                store(v1, alpha, beta, c, idx + lanes, Blocking.F.indexInRange(lanes, nr));
            }
        }
    }

    private static void store(FloatVector acc, float alpha, float beta, float[] c, int idx, VectorMask<Float> m) {
        FloatVector out = beta == 0f
                ? acc.mul(alpha)
                : acc.fma(FloatVector.broadcast(Blocking.F, alpha), FloatVector.fromArray(Blocking.F, c, idx, m).mul(beta));
        out.intoArray(c, idx, m);
    }
}
