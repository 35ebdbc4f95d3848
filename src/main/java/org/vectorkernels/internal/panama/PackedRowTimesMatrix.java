package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import org.vectorkernels.internal.PackedOperand;

/**
 * m = 1 against a packed B ({@link PanamaKernels#packB}): each column's k steps lie in its panel's
 * rows, k block after k block, so the row streams them in order. Sums are added in the order
 * {@link RowTimesMatrix} adds them on the unpacked B, so that both calls give the same bits: all
 * of k in one chain per column when B was stored k×n; lane by lane and then across the lanes, as
 * its dot products do, when B was stored n×k.
 */
final class PackedRowTimesMatrix {
    private PackedRowTimesMatrix() {}

    /** Panels summed at once: four independent pairs of chains hide the FMA latency. */
    private static final int PANELS = 4;

    /** Columns [j0, j1) of C (j0 a multiple of NR); c and bias are indexed from column 0. */
    static void compute(boolean transA, int j0, int j1, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                        float beta, float[] c, int cOffset, float[] bias, int biasOffset, boolean relu) {
        final int nr = Blocking.NR;
        Workspace ws = Workspace.take();
        try {
            float[] x = RowTimesMatrix.rowOfA(transA, b.k(), a, aOffset, lda, ws);
            float[] sums = ws.rowSums();
            int step = b.transposedSource() ? nr : PANELS * nr;
            for (int j = j0; j < j1; j += step) {
                if (b.transposedSource()) {
                    laneSums(x, b, j, ws.packedB(Blocking.LANES * nr), sums);
                } else {
                    chains(x, b, j, Math.ceilDiv(Math.min(j1, b.n()) - j, nr), sums);
                }
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

    /**
     * sums[0, NR) := x · the panel at column j, in the order of {@link RowTimesMatrix}'s dot
     * products: lane l of each column sums the steps p ≡ l modulo the lane count, the padding steps
     * past k included (each adds 0·0, as its masked loads do), and the lanes are then added in
     * order. Four residues at a time, in registers; {@code part} row l (of NR) keeps residue l's sums.
     */
    private static void laneSums(float[] x, PackedOperand b, int j, float[] part, float[] sums) {
        final int lanes = Blocking.LANES, nr = Blocking.NR, k = b.k(), kcMax = Blocking.kBlock(k);
        float[] data = b.data();
        FloatVector zero = FloatVector.zero(Blocking.F);
        for (int l0 = 0; l0 < lanes; l0 += 4) {
            FloatVector s00 = zero, s01 = zero, s10 = zero, s11 = zero, s20 = zero, s21 = zero, s30 = zero, s31 = zero;
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc), q = b.start() + pc * b.paddedColumns() + j * kc;
                // The block's first step of residue l0 + i is o + i, less a lap of the lanes where that passes it.
                int o = Math.floorMod(l0 - pc, lanes), o1 = (o + 1) % lanes, o2 = (o + 2) % lanes, o3 = (o + 3) % lanes;
                for (int t = 0; t < kc; t += lanes) {
                    if (t + o < kc) {
                        int r = q + (t + o) * nr;
                        FloatVector xr = FloatVector.broadcast(Blocking.F, x[pc + t + o]);
                        s00 = FloatVector.fromArray(Blocking.F, data, r).fma(xr, s00);
                        s01 = FloatVector.fromArray(Blocking.F, data, r + lanes).fma(xr, s01);
                    }
                    if (t + o1 < kc) {
                        int r = q + (t + o1) * nr;
                        FloatVector xr = FloatVector.broadcast(Blocking.F, x[pc + t + o1]);
                        s10 = FloatVector.fromArray(Blocking.F, data, r).fma(xr, s10);
                        s11 = FloatVector.fromArray(Blocking.F, data, r + lanes).fma(xr, s11);
                    }
                    if (t + o2 < kc) {
                        int r = q + (t + o2) * nr;
                        FloatVector xr = FloatVector.broadcast(Blocking.F, x[pc + t + o2]);
                        s20 = FloatVector.fromArray(Blocking.F, data, r).fma(xr, s20);
                        s21 = FloatVector.fromArray(Blocking.F, data, r + lanes).fma(xr, s21);
                    }
                    if (t + o3 < kc) {
                        int r = q + (t + o3) * nr;
                        FloatVector xr = FloatVector.broadcast(Blocking.F, x[pc + t + o3]);
                        s30 = FloatVector.fromArray(Blocking.F, data, r).fma(xr, s30);
                        s31 = FloatVector.fromArray(Blocking.F, data, r + lanes).fma(xr, s31);
                    }
                }
            }
            // The padding steps: one per residue from k's, when k is not a whole number of vectors.
            int firstPadded = k % lanes == 0 ? lanes : k % lanes;
            if (l0 >= firstPadded) {
                s00 = zero.fma(zero, s00);
                s01 = zero.fma(zero, s01);
            }
            if (l0 + 1 >= firstPadded) {
                s10 = zero.fma(zero, s10);
                s11 = zero.fma(zero, s11);
            }
            if (l0 + 2 >= firstPadded) {
                s20 = zero.fma(zero, s20);
                s21 = zero.fma(zero, s21);
            }
            if (l0 + 3 >= firstPadded) {
                s30 = zero.fma(zero, s30);
                s31 = zero.fma(zero, s31);
            }
            int at = l0 * nr;
            s00.intoArray(part, at);
            s01.intoArray(part, at + lanes);
            s10.intoArray(part, at + nr);
            s11.intoArray(part, at + nr + lanes);
            s20.intoArray(part, at + 2 * nr);
            s21.intoArray(part, at + 2 * nr + lanes);
            s30.intoArray(part, at + 3 * nr);
            s31.intoArray(part, at + 3 * nr + lanes);
        }
        FloatVector s0 = FloatVector.fromArray(Blocking.F, part, 0), s1 = FloatVector.fromArray(Blocking.F, part, lanes);
        for (int at = nr; at < lanes * nr; at += nr) {
            s0 = s0.add(FloatVector.fromArray(Blocking.F, part, at));
            s1 = s1.add(FloatVector.fromArray(Blocking.F, part, at + lanes));
        }
        s0.intoArray(sums, 0);
        s1.intoArray(sums, lanes);
    }
}
