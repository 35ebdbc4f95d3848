package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Writes a finished micro-tile back to C: {@code C := alpha·tile + beta·C}; beta = 0 never
 * reads C, and masks cover short edges.
 *
 * <p>The micro-kernels spill their accumulators to a small buffer and call this once, rather
 * than inlining a masked store per accumulator: that much inlined code pushed C2 past its
 * node-count cutoff on recompilation, after which it stopped intrinsifying and boxed every vector.
 */
final class TileStore {
    private TileStore() {}

    /** {@code tile} holds rows of {@code Blocking.NR} floats; rows [0, mr) and columns [0, nr) are written. */
    static void write(float[] tile, int mr, int nr, float alpha, float beta, float[] c, int cIdx, int ldc) {
        final int lanes = Blocking.LANES;
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc, t = r * Blocking.NR;
            for (int j = 0; j < nr; j += lanes) {
                VectorMask<Float> m = Blocking.F.indexInRange(j, nr);
                FloatVector acc = FloatVector.fromArray(Blocking.F, tile, t + j);
                FloatVector out = beta == 0f ? acc.mul(alpha) : acc.fma(FloatVector.broadcast(Blocking.F, alpha),
                        FloatVector.fromArray(Blocking.F, c, row + j, m).mul(beta));
                out.intoArray(c, row + j, m);
            }
        }
    }
}
