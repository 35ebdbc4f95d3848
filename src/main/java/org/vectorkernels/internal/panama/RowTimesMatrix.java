package org.vectorkernels.internal.panama;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * SGEMM with m = 1 (batch-1 inference, a row vector times op(B)): a matrix-vector product,
 * bound by reading B once. Packing B would read and write it again for a single row of C, and
 * MR-row tiles would compute MR - 1 rows of zeros, so B is streamed as it is stored.
 *
 * <p>Columns of C go in chunks of {@link Blocking#ROW_CHUNK}, whose sums stay in L1 and are
 * then written through {@link TileStore}, so alpha, beta, bias and ReLU behave as in the tiled path.
 */
final class RowTimesMatrix {
    private RowTimesMatrix() {}

    /** Rows of B read together: four streams, and one load and store of the sums per four rows. */
    private static final int ROWS = 4;

    static void compute(boolean transA, boolean transB, int n, int k, float alpha,
                        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                        float beta, float[] c, int cOffset, float[] bias, int biasOffset, boolean relu) {
        Workspace ws = Workspace.take();
        try {
            float[] x = rowOfA(transA, k, a, aOffset, lda, ws);
            float[] sums = ws.rowSums();
            for (int j0 = 0; j0 < n; j0 += Blocking.ROW_CHUNK) {
                int width = Math.min(Blocking.ROW_CHUNK, n - j0);
                if (transB) {
                    dots(width, k, x, b, bOffset + j0 * ldb, ldb, sums, ws.tile());
                } else {
                    axpys(width, k, x, b, bOffset + j0, ldb, sums);
                }
                TileStore.write(sums, 0, 0, 1, width, alpha, beta, c, cOffset + j0, 0, bias, biasOffset + j0, relu);
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /** op(A), one row, copied contiguous and zero-padded to whole vectors, so that no load of it needs a mask. */
    static float[] rowOfA(boolean transA, int k, float[] a, int aOffset, int lda, Workspace ws) {
        int kPadded = Blocking.roundUp(k, Blocking.LANES);
        float[] x = ws.packedA(kPadded);
        int stride = transA ? lda : 1;
        for (int p = 0; p < k; p++) {
            x[p] = a[aOffset + p * stride];
        }
        Arrays.fill(x, k, kPadded, 0f);
        return x;
    }

    /** sums[j] = Σ_p x[p]·B[p][j], B stored k×n: rows of B added in order of p, ROWS at a time. */
    private static void axpys(int width, int k, float[] x, float[] b, int bIdx, int ldb, float[] sums) {
        Arrays.fill(sums, 0, width, 0f);
        for (int p0 = 0; p0 < k; p0 += ROWS) {
            int rows = Math.min(ROWS, k - p0);
            for (int j = 0; j < width; j += Blocking.LANES) {
                VectorMask<Float> m = Blocking.F.indexInRange(j, width);
                FloatVector sum = FloatVector.fromArray(Blocking.F, sums, j);
                for (int q = 0; q < rows; q++) {
                    int p = p0 + q;
                    sum = FloatVector.fromArray(Blocking.F, b, bIdx + p * ldb + j, m)
                            .fma(FloatVector.broadcast(Blocking.F, x[p]), sum);
                }
                sum.intoArray(sums, j);
            }
        }
    }

    /**
     * sums[j] = Σ_p x[p]·B[j][p], B stored n×k: dot products along contiguous rows of B, ROWS
     * rows at a time; past the last row the final row is repeated and its extra results dropped.
     * {@code scratch} holds four vectors (the micro-tile buffer).
     */
    private static void dots(int width, int k, float[] x, float[] b, int bIdx, int ldb, float[] sums, float[] scratch) {
        for (int j = 0; j < width; j += ROWS) {
            int last = width - 1;
            int r0 = bIdx + j * ldb, r1 = bIdx + Math.min(j + 1, last) * ldb;
            int r2 = bIdx + Math.min(j + 2, last) * ldb, r3 = bIdx + Math.min(j + 3, last) * ldb;
            FloatVector s0 = FloatVector.zero(Blocking.F), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < k; p += Blocking.LANES) {
                VectorMask<Float> m = Blocking.F.indexInRange(p, k);
                FloatVector xv = FloatVector.fromArray(Blocking.F, x, p);
                s0 = FloatVector.fromArray(Blocking.F, b, r0 + p, m).fma(xv, s0);
                s1 = FloatVector.fromArray(Blocking.F, b, r1 + p, m).fma(xv, s1);
                s2 = FloatVector.fromArray(Blocking.F, b, r2 + p, m).fma(xv, s2);
                s3 = FloatVector.fromArray(Blocking.F, b, r3 + p, m).fma(xv, s3);
            }
            // sums has room past width (a multiple of ROWS and of the lanes), so no bounds test here.
            final int l = Blocking.LANES;
            s0.intoArray(scratch, 0);
            s1.intoArray(scratch, l);
            s2.intoArray(scratch, 2 * l);
            s3.intoArray(scratch, 3 * l);
            sums[j] = Lanes.sumInOrder(scratch, 0);
            sums[j + 1] = Lanes.sumInOrder(scratch, l);
            sums[j + 2] = Lanes.sumInOrder(scratch, 2 * l);
            sums[j + 3] = Lanes.sumInOrder(scratch, 3 * l);
        }
    }
}
