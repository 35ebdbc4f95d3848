package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * SGEMM without packing, for small problems where copying the operands costs more than it
 * saves. Reads op(A) and the rows of B (not transposed, n a multiple of the lane count) in
 * place, four rows × two vectors of C at a time; short edges use masks, never a scalar loop.
 */
final class DirectSgemm {
    private static final int ROWS = 4;

    private DirectSgemm() {}

    static void compute(boolean transA, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                        float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc,
                        float[] bias, int biasOffset, boolean relu) {
        // A(i, p) = a[aOffset + i*aRow + p*aStep]
        int aRow = transA ? 1 : lda, aStep = transA ? lda : 1;
        Workspace ws = Workspace.take();
        try {
            float[] tile = ws.tile();
            for (int i = 0; i < m; i += ROWS) {
                int rows = Math.min(ROWS, m - i);
                // A short last block re-reads row m-1 to keep every load in bounds; those rows are not stored.
                int a0 = aOffset + i * aRow;
                int a1 = aOffset + Math.min(i + 1, m - 1) * aRow;
                int a2 = aOffset + Math.min(i + 2, m - 1) * aRow;
                int a3 = aOffset + Math.min(i + 3, m - 1) * aRow;
                for (int j = 0; j < n; j += Blocking.NR) {
                    int nr = Math.min(Blocking.NR, n - j);
                    tile(k, a, a0, a1, a2, a3, aStep, b, bOffset + j, ldb, nr, tile);
                    TileStore.write(tile, 0, Blocking.NR, rows, nr, alpha, beta, c, cOffset + i * ldc + j, ldc, bias, biasOffset + j, relu);
                }
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /** The 4×NR product of rows a0..a3 of op(A) and columns [0, nr) of B at bIdx, left in {@code tile}. */
    private static void tile(int k, float[] a, int a0, int a1, int a2, int a3, int aStep,
                             float[] b, int bIdx, int ldb, int nr, float[] tile) {
        final int lanes = Blocking.LANES;
        VectorMask<Float> m0 = Blocking.F.indexInRange(0, nr);
        VectorMask<Float> m1 = Blocking.F.indexInRange(lanes, nr);
        // With n a multiple of the lane count every mask is all-true or all-false; an all-false
        // load reads the in-range first vector, so no load ever takes the out-of-bounds slow path.
        int second = nr > lanes ? lanes : 0;
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c00 = zero, c01 = zero;
        FloatVector c10 = zero, c11 = zero;
        FloatVector c20 = zero, c21 = zero;
        FloatVector c30 = zero, c31 = zero;
        for (int p = 0; p < k; p++, bIdx += ldb) {
            int ap = p * aStep;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bIdx, m0);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bIdx + second, m1);
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
        c00.intoArray(tile, 0);
        c01.intoArray(tile, lanes);
        c10.intoArray(tile, Blocking.NR);
        c11.intoArray(tile, Blocking.NR + lanes);
        c20.intoArray(tile, 2 * Blocking.NR);
        c21.intoArray(tile, 2 * Blocking.NR + lanes);
        c30.intoArray(tile, 3 * Blocking.NR);
        c31.intoArray(tile, 3 * Blocking.NR + lanes);
    }
}
