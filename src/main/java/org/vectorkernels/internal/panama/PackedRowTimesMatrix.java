package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import org.vectorkernels.internal.PackedOperand;

/**
 * m = 1 against a packed B ({@link PanamaKernels#packB}), adding in the order {@link RowTimesMatrix}
 * adds on the unpacked B, so that both calls give the same bits. B stored k×n: each column's k
 * steps lie in its panel's rows, k block after k block, one chain per column, four panels at once.
 * B stored n×k: its dot products run on the copy of B as stored that the packed B keeps, since
 * from the panels they were slower than on B itself (1×784×100: 5.8 against 3.8 µs, Zen 5).
 */
final class PackedRowTimesMatrix {
    private PackedRowTimesMatrix() {}

    /** Panels summed at once: four independent pairs of chains hide the FMA latency. */
    private static final int PANELS = 4;

    /** Columns [j0, j1) of C (j0 a multiple of NR); c and bias are indexed from column 0. */
    static void compute(boolean transA, int j0, int j1, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                        float beta, float[] c, int cOffset, float[] bias, int biasOffset, boolean relu) {
        int k = b.k();
        if (b.asStored() != null) { // columns [j0, j1) of op(B) are rows [j0, j1) of B as stored
            RowTimesMatrix.compute(transA, true, j1 - j0, k, alpha, a, aOffset, lda, b.asStored(), j0 * k, k,
                    beta, c, cOffset + j0, bias, biasOffset + j0, relu);
            return;
        }
        final int nr = Blocking.NR;
        Workspace ws = Workspace.take();
        try {
            float[] x = RowTimesMatrix.rowOfA(transA, k, a, aOffset, lda, ws);
            float[] sums = ws.rowSums();
            int step = PANELS * nr;
            for (int j = j0; j < j1; j += step) {
                chains(x, b, j, Math.ceilDiv(Math.min(j1, b.n()) - j, nr), sums);
                TileStore.write(sums, 0, 0, 1, Math.min(step, j1 - j), alpha, beta, c, cOffset + j, 0, bias, biasOffset + j, relu);
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /**
     * sums[0, 4·NR) := x · the panels from column j on, of which {@code panels} (1 to 4) are real;
     * the others repeat the last real one, and their sums are not used.
     */
    private static void chains(float[] x, PackedOperand b, int j, int panels, float[] sums) {
        final int lanes = Blocking.LANES, nr = Blocking.NR, k = b.k(), kcMax = Blocking.kBlock(k);
        float[] data = b.data();
        FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector s00 = zero, s01 = zero, s10 = zero, s11 = zero, s20 = zero, s21 = zero, s30 = zero, s31 = zero;
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc), panel = nr * kc;
            int q0 = b.start() + pc * b.paddedColumns() + j * kc;
            int q1 = q0 + Math.min(1, panels - 1) * panel, q2 = q0 + Math.min(2, panels - 1) * panel;
            int q3 = q0 + Math.min(3, panels - 1) * panel;
            for (int p = 0, o = 0; p < kc; p++, o += nr) {
                FloatVector xp = FloatVector.broadcast(Blocking.F, x[pc + p]);
                s00 = FloatVector.fromArray(Blocking.F, data, q0 + o).fma(xp, s00);
                s01 = FloatVector.fromArray(Blocking.F, data, q0 + o + lanes).fma(xp, s01);
                s10 = FloatVector.fromArray(Blocking.F, data, q1 + o).fma(xp, s10);
                s11 = FloatVector.fromArray(Blocking.F, data, q1 + o + lanes).fma(xp, s11);
                s20 = FloatVector.fromArray(Blocking.F, data, q2 + o).fma(xp, s20);
                s21 = FloatVector.fromArray(Blocking.F, data, q2 + o + lanes).fma(xp, s21);
                s30 = FloatVector.fromArray(Blocking.F, data, q3 + o).fma(xp, s30);
                s31 = FloatVector.fromArray(Blocking.F, data, q3 + o + lanes).fma(xp, s31);
            }
        }
        s00.intoArray(sums, 0);
        s01.intoArray(sums, lanes);
        s10.intoArray(sums, nr);
        s11.intoArray(sums, nr + lanes);
        s20.intoArray(sums, 2 * nr);
        s21.intoArray(sums, 2 * nr + lanes);
        s30.intoArray(sums, 3 * nr);
        s31.intoArray(sums, 3 * nr + lanes);
    }
}
