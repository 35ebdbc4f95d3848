package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel for 512-bit vectors: an 8-row × 2-vector tile of C (16 accumulators) kept in
 * registers and updated by broadcast-FMA, one k step at a time, with no horizontal reductions.
 * C2 keeps this tile in the 32 AVX-512 registers; 24-accumulator tiles spill (see Blocking).
 */
final class MicroKernel8x2 {
    static final int MR = 8;

    private MicroKernel8x2() {}

    /**
     * Multiplies the packed MR-row panel of A at {@code aIdx} by the packed NR-column panel of B at
     * {@code bIdx} over kc steps, and leaves the MR×NR product in {@code tile} (rows of NR floats).
     */
    static void compute(int kc, float[] a, int aIdx, float[] b, int bIdx, float[] tile) {
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
        for (int p = 0; p < kc; p++) {
            // Indices linear in p alone, so that C2 can hoist the bounds checks out of the loop.
            int ap = aIdx + p * MR, bp = bIdx + p * Blocking.NR;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bp);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bp + lanes);
            FloatVector a0 = FloatVector.broadcast(Blocking.F, a[ap + 0]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(Blocking.F, a[ap + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(Blocking.F, a[ap + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(Blocking.F, a[ap + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            FloatVector a4 = FloatVector.broadcast(Blocking.F, a[ap + 4]);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            FloatVector a5 = FloatVector.broadcast(Blocking.F, a[ap + 5]);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
            FloatVector a6 = FloatVector.broadcast(Blocking.F, a[ap + 6]);
            c60 = b0.fma(a6, c60);
            c61 = b1.fma(a6, c61);
            FloatVector a7 = FloatVector.broadcast(Blocking.F, a[ap + 7]);
            c70 = b0.fma(a7, c70);
            c71 = b1.fma(a7, c71);
        }
        // Spilled to a buffer, not stored to C here: see TileStore.
        c00.intoArray(tile, 0 * Blocking.NR);
        c01.intoArray(tile, 0 * Blocking.NR + lanes);
        c10.intoArray(tile, 1 * Blocking.NR);
        c11.intoArray(tile, 1 * Blocking.NR + lanes);
        c20.intoArray(tile, 2 * Blocking.NR);
        c21.intoArray(tile, 2 * Blocking.NR + lanes);
        c30.intoArray(tile, 3 * Blocking.NR);
        c31.intoArray(tile, 3 * Blocking.NR + lanes);
        c40.intoArray(tile, 4 * Blocking.NR);
        c41.intoArray(tile, 4 * Blocking.NR + lanes);
        c50.intoArray(tile, 5 * Blocking.NR);
        c51.intoArray(tile, 5 * Blocking.NR + lanes);
        c60.intoArray(tile, 6 * Blocking.NR);
        c61.intoArray(tile, 6 * Blocking.NR + lanes);
        c70.intoArray(tile, 7 * Blocking.NR);
        c71.intoArray(tile, 7 * Blocking.NR + lanes);
    }
}
