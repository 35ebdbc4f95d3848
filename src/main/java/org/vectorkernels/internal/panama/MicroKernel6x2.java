package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel for vectors narrower than 512 bits: a 6-row × 2-vector tile of C (12
 * accumulators, 15 of AVX2's 16 registers with the two B vectors and one broadcast). On this
 * project's Zen 4 machine under -XX:UseAVX=2 it ran SGEMM at 69-78 GFLOP/s where a 4×2 tile
 * ran 48-53; otherwise as {@link MicroKernel8x2}.
 */
final class MicroKernel6x2 {
    static final int MR = 6;

    private MicroKernel6x2() {}

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
        for (int p = 0; p < kc; p++) {
            // Indices linear in p alone, so that C2 can hoist the bounds checks out of the loop.
            int ap = aIdx + p * MR, bp = bIdx + p * Blocking.NR;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bp);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bp + lanes);
            FloatVector a0 = FloatVector.broadcast(Blocking.F, a[ap + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(Blocking.F, a[ap + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(Blocking.F, a[ap + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(Blocking.F, a[ap + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(Blocking.F, a[ap + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(Blocking.F, a[ap + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
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
    }
}
