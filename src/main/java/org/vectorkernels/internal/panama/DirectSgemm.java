package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * SGEMM without packing, for small problems where copying the operands costs more than it
 * saves. Reads op(A) and the rows of B (not transposed) in place, four rows × two vectors of C
 * at a time; short edges use masks, never a scalar loop.
 */
final class DirectSgemm {
    private static final int ROWS = 4;

    private DirectSgemm() {}

    static void compute(boolean transA, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                        float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        // A(i, p) = a[aOffset + i*aRow + p*aStep]
        int aRow = transA ? 1 : lda, aStep = transA ? lda : 1;
        for (int i = 0; i < m; i += ROWS) {
            int rows = Math.min(ROWS, m - i);
            // A short last block re-reads row m-1 to keep every load in bounds; those rows are not stored.
            int a0 = aOffset + i * aRow;
            int a1 = aOffset + Math.min(i + 1, m - 1) * aRow;
            int a2 = aOffset + Math.min(i + 2, m - 1) * aRow;
            int a3 = aOffset + Math.min(i + 3, m - 1) * aRow;
            for (int j = 0; j < n; j += Blocking.NR) {
                tile(k, a, a0, a1, a2, a3, aStep, b, bOffset + j, ldb, alpha, beta,
                        c, cOffset + i * ldc + j, ldc, rows, Math.min(Blocking.NR, n - j));
            }
        }
    }

    private static void tile(int k, float[] a, int a0, int a1, int a2, int a3, int aStep,
                             float[] b, int bIdx, int ldb, float alpha, float beta,
                             float[] c, int cIdx, int ldc, int rows, int nr) {
        final int lanes = Blocking.LANES;
        VectorMask<Float> m0 = Blocking.F.indexInRange(0, nr);
        VectorMask<Float> m1 = Blocking.F.indexInRange(lanes, nr);
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c00 = zero, c01 = zero;
        FloatVector c10 = zero, c11 = zero;
        FloatVector c20 = zero, c21 = zero;
        FloatVector c30 = zero, c31 = zero;
        for (int p = 0; p < k; p++, bIdx += ldb) {
            int ap = p * aStep;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bIdx, m0);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bIdx + lanes, m1);
            FloatVector x0 = FloatVector.broadcast(Blocking.F, a[a0 + ap]);
            FloatVector x1 = FloatVector.broadcast(Blocking.F, a[a1 + ap]);
            FloatVector x2 = FloatVector.broadcast(Blocking.F, a[a2 + ap]);
            FloatVector x3 = FloatVector.broadcast(Blocking.F, a[a3 + ap]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        TileStore.row(c00, c01, alpha, beta, c, cIdx, nr);
        if (rows > 1) TileStore.row(c10, c11, alpha, beta, c, cIdx + ldc, nr);
        if (rows > 2) TileStore.row(c20, c21, alpha, beta, c, cIdx + 2 * ldc, nr);
        if (rows > 3) TileStore.row(c30, c31, alpha, beta, c, cIdx + 3 * ldc, nr);
    }
}
