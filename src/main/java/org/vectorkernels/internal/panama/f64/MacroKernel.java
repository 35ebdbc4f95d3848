// GENERATED from src/main/java/org/vectorkernels/internal/panama/MacroKernel.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.panama.kernels.DoubleTileKernel;

/**
 * BLIS loops 2 and 1: walks the micro-tiles of one mc×kc block of A against one packed kc×nc
 * block of B with the micro-kernel the caller picked for A's layout, and hands each finished
 * tile to {@link TileStore}; a last panel of B no wider than a vector goes to the plan's
 * one-vector kernel where it has one. Each B micro-panel is reused by every A micro-panel of the
 * block before the next is touched.
 */
final class MacroKernel {
    private MacroKernel() {}

    /**
     * The block of C from (ic, jc) on, mc×nc, := alpha·(A · packed B) + beta·C, then the bias and
     * ReLU when {@code last} (the last k block). Row i of A's block starts at {@code a[aIdx + i·lda]}
     * (interleaved: its panel of MR rows at {@code a[aIdx + i·kc]}), its k steps {@code aStep} apart:
     * packed in rows (lda = kc, aStep = 1), A itself (whole tiles only), or packed interleaved
     * (lda = 1, aStep = MR). B starts at double bIdx of {@code b}: packed panels, kc·width apart
     * ({@code bPanelGap} = kc), or B read in place (gap 1, rows {@code ldb} apart); {@code kernel} has the
     * tile's shape, the plan's own or its wide tile (then nc is a multiple of the wide tile's columns);
     * {@code tile} holds a tile of either, and one double more.
     */
    static void compute(GemmCall g, DoubleTileKernel kernel, int ic, int jc, int mc, int nc, int kc,
                        double[] a, int aIdx, int lda, int aStep, boolean interleavedA,
                        PanelsOfB b, int bIdx, int bPanelGap, int ldb, double[] tile, double beta, boolean last) {
        Plan plan = g.plan;
        final int mrMax = kernel.rows(), nrMax = kernel.vectors() * Species.LANES;
        double alpha = g.alpha;
        double[] c = g.c, bias = last ? g.bias : null;
        int ldc = g.ldc, biasIdx = g.biasOffset + jc;
        boolean relu = last && g.relu;
        // A whole tile of an unscaled product that overwrites C goes straight to C, not through the buffer.
        boolean overwrite = alpha == 1d && beta == 0d;
        boolean epilogue = bias != null || relu;
        int panelGap = interleavedA ? kc : lda; // from one tile's rows of A to the next's
        boolean narrowEdge = plan.narrow != null && nrMax == plan.nr;
        for (int jr = 0; jr < nc; jr += nrMax) {
            int nr = Math.min(nrMax, nc - jr);
            for (int ir = 0; ir < mc; ir += mrMax) {
                int mr = Math.min(mrMax, mc - ir), at = g.cAt(ic + ir, jc + jr);
                boolean direct = overwrite && mr == mrMax && nr == nrMax;
                if (beta != 0d) {
                    TileStore.touch(c, at, ldc, mr, nr, tile);
                }
                if (narrowEdge && nr <= Species.LANES) {
                    b.tile(plan.narrow, kc, a, aIdx + ir * panelGap, lda, aStep, bIdx + jr * bPanelGap, ldb, tile, 0, nrMax);
                    direct = false;
                } else {
                    b.tile(kernel, kc, a, aIdx + ir * panelGap, lda, aStep, bIdx + jr * bPanelGap, ldb,
                            direct ? c : tile, direct ? at : 0, direct ? ldc : nrMax);
                }
                if (!direct) {
                    TileStore.write(tile, 0, nrMax, mr, nr, alpha, beta, c, at, ldc, bias, biasIdx + jr, relu);
                } else if (epilogue) {
                    TileStore.write(c, at, ldc, mr, nr, 1d, 0d, c, at, ldc, bias, biasIdx + jr, relu);
                }
            }
        }
    }
}
