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
     * C[0..mr, 0..nr) := alpha·(A panel · B panel) + beta·C over kc steps of the packed panels
     * that start at {@code aIdx} and {@code bIdx}; beta = 0 never reads C.
     */
    static void compute(int kc, float[] a, int aIdx, float[] b, int bIdx, float alpha, float beta,
                        float[] c, int cIdx, int ldc, int mr, int nr) {
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
        for (int p = 0; p < kc; p++, aIdx += MR, bIdx += Blocking.NR) {
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bIdx);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bIdx + lanes);
            FloatVector a0 = FloatVector.broadcast(Blocking.F, a[aIdx + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(Blocking.F, a[aIdx + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(Blocking.F, a[aIdx + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(Blocking.F, a[aIdx + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(Blocking.F, a[aIdx + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(Blocking.F, a[aIdx + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(Blocking.F, a[aIdx + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(Blocking.F, a[aIdx + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        // Rows past mr come from zero padding and are dropped.
        TileStore.row(c00, c01, alpha, beta, c, cIdx + 0 * ldc, nr);
        if (mr > 1) TileStore.row(c10, c11, alpha, beta, c, cIdx + 1 * ldc, nr);
        if (mr > 2) TileStore.row(c20, c21, alpha, beta, c, cIdx + 2 * ldc, nr);
        if (mr > 3) TileStore.row(c30, c31, alpha, beta, c, cIdx + 3 * ldc, nr);
        if (mr > 4) TileStore.row(c40, c41, alpha, beta, c, cIdx + 4 * ldc, nr);
        if (mr > 5) TileStore.row(c50, c51, alpha, beta, c, cIdx + 5 * ldc, nr);
        if (mr > 6) TileStore.row(c60, c61, alpha, beta, c, cIdx + 6 * ldc, nr);
        if (mr > 7) TileStore.row(c70, c71, alpha, beta, c, cIdx + 7 * ldc, nr);
    }
}
