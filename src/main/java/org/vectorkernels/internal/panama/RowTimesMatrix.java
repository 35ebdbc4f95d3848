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
 * <p>Columns of C go in chunks of {@link #ROW_CHUNK}, whose sums stay in L1 and are
 * then written through {@link TileStore}, so alpha, beta, bias and ReLU behave as in the tiled path.
 */
final class RowTimesMatrix {
    private RowTimesMatrix() {}

    /** Columns of C summed at once when m = 1: 8 KiB of sums, which stay in L1 while B streams past. */
    static final int ROW_CHUNK = (8 << 10) / Float.BYTES;

    /** Rows of B read together: four streams, and one load and store of the sums per four rows. */
    private static final int ROWS = 4;

    /** Columns [j0, j1) of the call's single row of C, from its own B. */
    static void compute(GemmCall g, int j0, int j1) {
        compute(g, g.transB, g.b, g.bAt(j0), g.ldb, j0, j1);
    }

    /**
     * Columns [j0, j1) of the call's single row of C, with op(B)'s column j0 on at {@code b[bStart]}
     * (B stored n×k when {@code transB}, rows ldb apart).
     */
    static void compute(GemmCall g, boolean transB, float[] b, int bStart, int ldb, int j0, int j1) {
        int k = g.k;
        Workspace ws = Workspace.take();
        try {
            float[] x = rowOfA(g, ws);
            float[] sums = ws.rowSums();
            for (int j = j0; j < j1; j += ROW_CHUNK) {
                int width = Math.min(ROW_CHUNK, j1 - j), at = bStart + (j - j0) * (transB ? ldb : 1);
                if (transB) {
                    dots(width, k, x, b, at, ldb, sums, ws.tile(ROWS * Species.LANES));
                } else {
                    axpys(width, k, x, b, at, ldb, sums);
                }
                TileStore.write(sums, 0, 0, 1, width, g.alpha, g.beta, g.c, g.cAt(0, j), 0, g.bias, g.biasOffset + j, g.relu);
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /** op(A), one row, copied contiguous and zero-padded to whole vectors, so that no load of it needs a mask. */
    static float[] rowOfA(GemmCall g, Workspace ws) {
        int k = g.k, kPadded = Plan.roundUp(k, Species.LANES);
        float[] x = ws.packedA(kPadded);
        float[] a = g.a;
        int at = g.aAt(0), stride = g.aStep();
        for (int p = 0; p < k; p++) {
            x[p] = a[at + p * stride];
        }
        Arrays.fill(x, k, kPadded, 0f);
        return x;
    }

    /** sums[j] = Σ_p x[p]·B[p][j], B stored k×n: rows of B added in order of p, ROWS at a time. */
    private static void axpys(int width, int k, float[] x, float[] b, int bIdx, int ldb, float[] sums) {
        Arrays.fill(sums, 0, width, 0f);
        for (int p0 = 0; p0 < k; p0 += ROWS) {
            int rows = Math.min(ROWS, k - p0);
            for (int j = 0; j < width; j += Species.LANES) {
                VectorMask<Float> m = Species.F.indexInRange(j, width);
                FloatVector sum = FloatVector.fromArray(Species.F, sums, j);
                for (int q = 0; q < rows; q++) {
                    int p = p0 + q;
                    sum = FloatVector.fromArray(Species.F, b, bIdx + p * ldb + j, m)
                            .fma(FloatVector.broadcast(Species.F, x[p]), sum);
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
            FloatVector s0 = FloatVector.zero(Species.F), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < k; p += Species.LANES) {
                VectorMask<Float> m = Species.F.indexInRange(p, k);
                FloatVector xv = FloatVector.fromArray(Species.F, x, p);
                s0 = FloatVector.fromArray(Species.F, b, r0 + p, m).fma(xv, s0);
                s1 = FloatVector.fromArray(Species.F, b, r1 + p, m).fma(xv, s1);
                s2 = FloatVector.fromArray(Species.F, b, r2 + p, m).fma(xv, s2);
                s3 = FloatVector.fromArray(Species.F, b, r3 + p, m).fma(xv, s3);
            }
            // sums has room past width (a multiple of ROWS and of the lanes), so no bounds test here.
            final int l = Species.LANES;
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
