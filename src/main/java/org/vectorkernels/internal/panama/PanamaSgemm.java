package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.SgemmKernel;

/**
 * The Vector API SGEMM: BLIS loops 5 to 3 (NC, KC, MC blocks with packing) around
 * {@link MacroKernel}, or {@link DirectSgemm} for problems too small to repay packing.
 */
public final class PanamaSgemm implements SgemmKernel {

    public PanamaSgemm() {
        if (Blocking.F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vectors of " + Blocking.F.vectorBitSize()
                    + " bits are too narrow to pay off");
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        if (!transB && n % Blocking.LANES == 0 && (long) m * n * k <= Blocking.DIRECT_MAX_VOLUME) {
            DirectSgemm.compute(transA, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        } else {
            blocked(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        }
    }

    static void blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                        float beta, float[] c, int cOffset, int ldc) {
        Workspace ws = Workspace.current();
        // Even k blocks: k = 300 runs as 150 + 150, not 256 + 44.
        int kBlocks = (k + Blocking.KC - 1) / Blocking.KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            int nc = Math.min(Blocking.NC, n - jc);
            int ncPadded = roundUp(nc, Blocking.NR);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                float[] packedB = ws.packedB(ncPadded * kcMax);
                Packing.packB(transB, b, bOffset, ldb, pc, jc, kc, nc, packedB);
                // beta scales C once, in the first k block; later blocks accumulate.
                float betaNow = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += Blocking.MC) {
                    int mc = Math.min(Blocking.MC, m - ic);
                    float[] packedA = ws.packedA(roundUp(mc, Blocking.MR) * kcMax);
                    Packing.packA(transA, a, aOffset, lda, ic, pc, mc, kc, packedA);
                    MacroKernel.compute(mc, nc, kc, alpha, betaNow, packedA, packedB, c, cOffset + ic * ldc + jc, ldc,
                            ws.tile());
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    @Override
    public String description() {
        return "panama: " + Blocking.F.vectorBitSize() + "-bit vectors, " + Blocking.MR + "x" + Blocking.NR
                + " micro-tile, blocks MC=" + Blocking.MC + " KC=" + Blocking.KC + " NC=" + Blocking.NC;
    }
}
