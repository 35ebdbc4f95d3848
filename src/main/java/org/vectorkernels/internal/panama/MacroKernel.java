package org.vectorkernels.internal.panama;

/**
 * BLIS loops 2 and 1: walks the micro-tiles of one packed mc×kc block of A against one packed
 * kc×nc block of B, and hands each finished tile to {@link TileStore}. Each B micro-panel is
 * reused by every A micro-panel of the block before the next is touched.
 */
final class MacroKernel {
    private MacroKernel() {}

    /**
     * C block at {@code cIdx} := alpha·(packed A from {@code aIdx} on · packed B) + beta·C, then bias (from
     * {@code bias[biasIdx]} on, null for none) and ReLU: the caller passes those only with the last k block.
     */
    static void compute(int mc, int nc, int kc, float[] packedA, int aIdx, float[] packedB, float[] tile,
                        float alpha, float beta, float[] c, int cIdx, int ldc,
                        float[] bias, int biasIdx, boolean relu) {
        final int mrMax = Blocking.MR, nrMax = Blocking.NR;
        for (int jr = 0; jr < nc; jr += nrMax) {
            int nr = Math.min(nrMax, nc - jr);
            for (int ir = 0; ir < mc; ir += mrMax) {
                int mr = Math.min(mrMax, mc - ir);
                if (beta != 0f) {
                    TileStore.touch(c, cIdx + ir * ldc + jr, ldc, mr, nr, tile);
                }
                MicroKernel.compute(kc, packedA, aIdx + ir * kc, kc, packedB, jr * kc, tile);
                TileStore.write(tile, mr, nr, alpha, beta, c, cIdx + ir * ldc + jr, ldc,
                        bias, biasIdx + jr, relu);
            }
        }
    }
}
