// GENERATED from src/main/java/org/vectorkernels/internal/panama/DirectSgemm.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * SGEMM without packing, for small problems where copying the operands costs more than it
 * saves. Reads op(A) and the rows of B (not transposed, n a multiple of the lane count) in
 * place, four rows × two vectors of C at a time; short edges use masks, never a scalar loop.
 */
final class DirectDgemm {
    private static final int ROWS = 4;
    /** Columns of a tile: two vectors. */
    private static final int NR = 2 * Species.LANES;

    private DirectDgemm() {}

    static void compute(GemmCall g) {
        int m = g.m, n = g.n, aStep = g.aStep();
        Workspace ws = Workspace.take();
        try {
            double[] tile = ws.tile(ROWS * NR);
            // A whole tile of an unscaled product that overwrites C goes straight to C, as in MacroKernel.
            boolean overwrite = g.alpha == 1d && g.beta == 0d && g.bias == null && !g.relu;
            for (int i = 0; i < m; i += ROWS) {
                int rows = Math.min(ROWS, m - i);
                // A short last block re-reads row m-1 to keep every load in bounds; those rows are not stored.
                int a0 = g.aAt(i), a1 = g.aAt(Math.min(i + 1, m - 1));
                int a2 = g.aAt(Math.min(i + 2, m - 1)), a3 = g.aAt(Math.min(i + 3, m - 1));
                for (int j = 0; j < n; j += NR) {
                    int nr = Math.min(NR, n - j), at = g.cAt(i, j);
                    // One call site, so that C2 inlines the kernel once.
                    boolean direct = overwrite && rows == ROWS && nr == NR;
                    tile(g.k, g.a, a0, a1, a2, a3, aStep, g.b, g.bOffset + j, g.ldb, nr,
                            direct ? g.c : tile, direct ? at : 0, direct ? g.ldc : NR);
                    if (!direct) {
                        TileStore.write(tile, 0, NR, rows, nr, g.alpha, g.beta, g.c, at, g.ldc, g.bias, g.biasOffset + j, g.relu);
                    }
                }
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /** The 4×NR product of rows a0..a3 of op(A) and columns [0, nr) of B at bIdx, stored with row r at {@code out[outIdx + r·ldo]}. */
    private static void tile(int k, double[] a, int a0, int a1, int a2, int a3, int aStep,
                             double[] b, int bIdx, int ldb, int nr, double[] out, int outIdx, int ldo) {
        final int lanes = Species.LANES;
        VectorMask<Double> m0 = Species.F.indexInRange(0, nr);
        VectorMask<Double> m1 = Species.F.indexInRange(lanes, nr);
        // With n a multiple of the lane count every mask is all-true or all-false; an all-false
        // load reads the in-range first vector, so no load ever takes the out-of-bounds slow path.
        int second = nr > lanes ? lanes : 0;
        final DoubleVector zero = DoubleVector.zero(Species.F);
        DoubleVector c00 = zero, c01 = zero;
        DoubleVector c10 = zero, c11 = zero;
        DoubleVector c20 = zero, c21 = zero;
        DoubleVector c30 = zero, c31 = zero;
        for (int p = 0; p < k; p++, bIdx += ldb) {
            int ap = p * aStep;
            DoubleVector b0 = DoubleVector.fromArray(Species.F, b, bIdx, m0);
            DoubleVector b1 = DoubleVector.fromArray(Species.F, b, bIdx + second, m1);
            DoubleVector x0 = DoubleVector.broadcast(Species.F, a[a0 + ap]);
            DoubleVector x1 = DoubleVector.broadcast(Species.F, a[a1 + ap]);
            DoubleVector x2 = DoubleVector.broadcast(Species.F, a[a2 + ap]);
            DoubleVector x3 = DoubleVector.broadcast(Species.F, a[a3 + ap]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        c00.intoArray(out, outIdx);
        c01.intoArray(out, outIdx + lanes);
        c10.intoArray(out, outIdx + ldo);
        c11.intoArray(out, outIdx + ldo + lanes);
        c20.intoArray(out, outIdx + 2 * ldo);
        c21.intoArray(out, outIdx + 2 * ldo + lanes);
        c30.intoArray(out, outIdx + 3 * ldo);
        c31.intoArray(out, outIdx + 3 * ldo + lanes);
    }
}
