package org.vectorkernels.internal.panama;

/**
 * BLIS loops 2 and 1: walks the micro-tiles of one mc×kc block of A against one packed kc×nc
 * block of B with the micro-kernel for A's layout ({@link MicroKernel} for rows,
 * {@link SteppedMicroKernel} for A read in place transposed, {@link InterleavedMicroKernel}, or
 * {@link WideMicroKernel}'s wider tile for rows, on two panels of B at a time),
 * and hands each finished tile to {@link TileStore}; a last panel of B no wider than a vector
 * goes to {@link NarrowMicroKernel} where the profile says so. Each B micro-panel is reused by
 * every A micro-panel of the block before the next is touched.
 */
final class MacroKernel {
    private MacroKernel() {}

    /**
     * C block at {@code cIdx} := alpha·(A · packed B) + beta·C, then bias (from {@code bias[biasIdx]}
     * on, null for none) and ReLU: the caller passes those only with the last k block. Row i of A's
     * block starts at {@code a[aIdx + i·lda]}, its k steps {@code aStep} apart: packed in rows (lda =
     * kc, aStep = 1, whole zero-padded panels), A itself (whole panels only; transposed: lda = 1,
     * aStep = its leading dimension), or, with {@code interleavedA}, packed interleaved (lda = 1, aStep
     * = MR, panels kc·MR apart). Packed B's panels start at {@code packedB[bIdx]}; with {@code wide}
     * (A in rows, aStep = 1, nc a multiple of WIDE_NR) the tiles are WIDE_MR × WIDE_NR.
     */
    static void compute(int mc, int nc, int kc, float[] a, int aIdx, int lda, int aStep, boolean interleavedA, boolean wide,
                        float[] packedB, int bIdx, float[] tile,
                        float alpha, float beta, float[] c, int cIdx, int ldc,
                        float[] bias, int biasIdx, boolean relu) {
        final int mrMax = wide ? Blocking.WIDE_MR : Blocking.MR, nrMax = wide ? Blocking.WIDE_NR : Blocking.NR;
        // A whole tile of an unscaled product that overwrites C goes straight to C, not through the buffer.
        boolean overwrite = alpha == 1f && beta == 0f;
        boolean epilogue = bias != null || relu;
        for (int jr = 0; jr < nc; jr += nrMax) {
            int nr = Math.min(nrMax, nc - jr);
            for (int ir = 0; ir < mc; ir += mrMax) {
                int mr = Math.min(mrMax, mc - ir), at = cIdx + ir * ldc + jr;
                boolean direct = overwrite && mr == mrMax && nr == nrMax;
                if (beta != 0f) {
                    TileStore.touch(c, at, ldc, mr, nr, tile);
                }
                if (wide) {
                    WideMicroKernel.compute(kc, a, aIdx + ir * lda, lda, packedB, bIdx + jr * kc,
                            direct ? c : tile, direct ? at : 0, direct ? ldc : nrMax);
                } else if (Blocking.NARROW_EDGE && nr <= NarrowMicroKernel.MAX_COLUMNS) {
                    NarrowMicroKernel.compute(kc, a, aIdx + ir * (interleavedA ? kc : lda), lda, aStep, packedB, bIdx + jr * kc, tile, 0, nrMax);
                } else if (interleavedA) {
                    InterleavedMicroKernel.compute(kc, a, aIdx + ir * kc, packedB, bIdx + jr * kc,
                            direct ? c : tile, direct ? at : 0, direct ? ldc : nrMax);
                } else if (aStep == 1) {
                    // One call site per kernel: each compiles once, for the profile's MR.
                    MicroKernel.compute(kc, a, aIdx + ir * lda, lda, packedB, bIdx + jr * kc,
                            direct ? c : tile, direct ? at : 0, direct ? ldc : nrMax);
                } else {
                    SteppedMicroKernel.compute(kc, a, aIdx + ir * lda, lda, aStep, packedB, bIdx + jr * kc,
                            direct ? c : tile, direct ? at : 0, direct ? ldc : nrMax);
                }
                if (!direct) {
                    TileStore.write(tile, 0, nrMax, mr, nr, alpha, beta, c, at, ldc, bias, biasIdx + jr, relu);
                } else if (epilogue) {
                    TileStore.write(c, at, ldc, mr, nr, 1f, 0f, c, at, ldc, bias, biasIdx + jr, relu);
                }
            }
        }
    }
}
