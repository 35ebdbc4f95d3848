package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel: an MR-row × 2-vector tile of C kept in registers and updated by
 * broadcast-FMA, one k step at a time, with no horizontal reductions. One method serves every
 * MR from 1 to 8: {@link Blocking#MR} is a constant to C2, so the rows past it, each behind an
 * {@code MR > r} test, compile to nothing. Which MR a CPU gets is its profile's choice.
 */
final class MicroKernel {
    static final int MR = Blocking.MR;

    private MicroKernel() {}

    /**
     * Multiplies the MR rows of A from {@code aIdx} on (row s, step p at {@code aIdx + s·lda + p})
     * by the packed NR-column panel of B at {@code bIdx} over kc steps, and stores the MR×NR product
     * over the tile whose row r starts at {@code out[outIdx + r·ldo]}: the tile buffer, or C itself.
     */
    static void compute(int kc, float[] a, int aIdx, int lda, float[] b, int bIdx, float[] out, int outIdx, int ldo) {
        final int lanes = Blocking.LANES;
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c00 = zero, c01 = zero;
        FloatVector c10 = zero, c11 = zero;
        FloatVector c20 = zero, c21 = zero;
        FloatVector c30 = zero, c31 = zero;
        FloatVector c40 = zero, c41 = zero;
        FloatVector c50 = zero, c51 = zero;
        FloatVector c60 = zero, c61 = zero;
        FloatVector c70 = zero, c71 = zero;
        // Row offsets in A, invariant in the loop; rows past MR are never read.
        final int a1 = lda, a2 = 2 * lda, a3 = 3 * lda, a4 = 4 * lda, a5 = 5 * lda, a6 = 6 * lda, a7 = 7 * lda;
        for (int p = 0; p < kc; p++) {
            // Indices linear in p alone, so that C2 can hoist the bounds checks out of the loop.
            int ap = aIdx + p, bp = bIdx + p * Blocking.NR;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bp);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bp + lanes);
            FloatVector x = FloatVector.broadcast(Blocking.F, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            if (MR > 1) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a1]);
                c10 = b0.fma(x, c10);
                c11 = b1.fma(x, c11);
            }
            if (MR > 2) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a2]);
                c20 = b0.fma(x, c20);
                c21 = b1.fma(x, c21);
            }
            if (MR > 3) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a3]);
                c30 = b0.fma(x, c30);
                c31 = b1.fma(x, c31);
            }
            if (MR > 4) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a4]);
                c40 = b0.fma(x, c40);
                c41 = b1.fma(x, c41);
            }
            if (MR > 5) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a5]);
                c50 = b0.fma(x, c50);
                c51 = b1.fma(x, c51);
            }
            if (MR > 6) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a6]);
                c60 = b0.fma(x, c60);
                c61 = b1.fma(x, c61);
            }
            if (MR > 7) {
                x = FloatVector.broadcast(Blocking.F, a[ap + a7]);
                c70 = b0.fma(x, c70);
                c71 = b1.fma(x, c71);
            }
        }
        // Plain stores only: reading C back here as well pushed C2 past its inlining node limit (see TileStore).
        int o = outIdx;
        store(c00, c01, out, o, 0);
        store(c10, c11, out, o += ldo, 1);
        store(c20, c21, out, o += ldo, 2);
        store(c30, c31, out, o += ldo, 3);
        store(c40, c41, out, o += ldo, 4);
        store(c50, c51, out, o += ldo, 5);
        store(c60, c61, out, o += ldo, 6);
        store(c70, c71, out, o += ldo, 7);
    }

    /** Stores row {@code row} of the tile from {@code out[at]} on; rows past MR do not exist. */
    static void store(FloatVector v0, FloatVector v1, float[] out, int at, int row) {
        if (row < MR) {
            v0.intoArray(out, at);
            v1.intoArray(out, at + Blocking.LANES);
        }
    }
}
