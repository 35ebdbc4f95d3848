// GENERATED from src/main/java/org/vectorkernels/internal/panama/PackedRowTimesMatrix.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import org.vectorkernels.internal.DoublePackedOperand;

/**
 * m = 1 against a packed B ({@link DgemmPaths#packB}), adding in the order {@link RowTimesMatrix}
 * adds on the unpacked B, so that both calls give the same bits. B stored k×n: each column's k
 * steps lie in its panel's rows, k block after k block, one chain per column, eight vectors of
 * columns at once. B stored n×k: its dot products run on the copy of B as stored that the packed
 * B keeps, since from the panels they were slower than on B itself (1×784×100: 5.8 against 3.8 µs, Zen 5).
 */
final class PackedRowTimesMatrix {
    private PackedRowTimesMatrix() {}

    /** Vectors of columns summed at once: eight independent chains hide the FMA latency. */
    private static final int VECTORS = 8;

    /** Columns [j0, j1) of the call's single row of C (j0 a multiple of the plan's NR). */
    static void compute(GemmCall g, int j0, int j1) {
        DoublePackedOperand b = g.packed;
        int k = b.k();
        if (b.asStored() != null) { // columns [j0, j1) of op(B) are rows [j0, j1) of B as stored
            RowTimesMatrix.compute(g, true, b.asStored(), j0 * k, k, j0, j1);
            return;
        }
        final int lanes = Species.LANES, step = VECTORS * lanes;
        Workspace ws = Workspace.take();
        try {
            double[] x = RowTimesMatrix.rowOfA(g, ws);
            double[] sums = ws.rowSums();
            for (int j = j0; j < j1; j += step) {
                chains(x, b, g.plan, j, Math.ceilDiv(Math.min(j1, b.n()) - j, lanes), sums);
                TileStore.write(sums, 0, 0, 1, Math.min(step, j1 - j), g.alpha, g.beta, g.c, g.cAt(0, j), 0,
                        g.bias, g.biasOffset + j, g.relu);
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /**
     * sums[0, 8·LANES) := x · the packed columns from column j on, of which {@code vectors} (1 to 8)
     * vectors are real; the others repeat the last real one, and their sums are not used.
     */
    private static void chains(double[] x, DoublePackedOperand b, Plan plan, int j, int vectors, double[] sums) {
        final int lanes = Species.LANES, nr = plan.nr, k = b.k(), kcMax = plan.kBlock(k);
        double[] data = b.data();
        DoubleVector zero = DoubleVector.zero(Species.F);
        DoubleVector s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, s5 = zero, s6 = zero, s7 = zero;
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc), block = b.start() + pc * b.paddedColumns();
            int q0 = at(block, j, 0, vectors, nr, kc), q1 = at(block, j, 1, vectors, nr, kc);
            int q2 = at(block, j, 2, vectors, nr, kc), q3 = at(block, j, 3, vectors, nr, kc);
            int q4 = at(block, j, 4, vectors, nr, kc), q5 = at(block, j, 5, vectors, nr, kc);
            int q6 = at(block, j, 6, vectors, nr, kc), q7 = at(block, j, 7, vectors, nr, kc);
            for (int p = 0; p < kc; p++) {
                int o = p * nr; // from p: a second variable stepping by nr kept C2 from hoisting the checks
                DoubleVector xp = DoubleVector.broadcast(Species.F, x[pc + p]);
                s0 = DoubleVector.fromArray(Species.F, data, q0 + o).fma(xp, s0);
                s1 = DoubleVector.fromArray(Species.F, data, q1 + o).fma(xp, s1);
                s2 = DoubleVector.fromArray(Species.F, data, q2 + o).fma(xp, s2);
                s3 = DoubleVector.fromArray(Species.F, data, q3 + o).fma(xp, s3);
                s4 = DoubleVector.fromArray(Species.F, data, q4 + o).fma(xp, s4);
                s5 = DoubleVector.fromArray(Species.F, data, q5 + o).fma(xp, s5);
                s6 = DoubleVector.fromArray(Species.F, data, q6 + o).fma(xp, s6);
                s7 = DoubleVector.fromArray(Species.F, data, q7 + o).fma(xp, s7);
            }
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, lanes);
        s2.intoArray(sums, 2 * lanes);
        s3.intoArray(sums, 3 * lanes);
        s4.intoArray(sums, 4 * lanes);
        s5.intoArray(sums, 5 * lanes);
        s6.intoArray(sums, 6 * lanes);
        s7.intoArray(sums, 7 * lanes);
    }

    /** Where vector v of the columns from j on starts in a k block of panels of nr columns (step p at + p·nr). */
    private static int at(int block, int j, int v, int vectors, int nr, int kc) {
        int column = j + Math.min(v, vectors - 1) * Species.LANES;
        return block + column / nr * nr * kc + column % nr;
    }
}
