package org.vectorkernels.internal.panama;

/**
 * BLIS loops 2 and 1: walks the micro-tiles of one packed mc×kc block of A against one
 * packed kc×nc block of B. Each B micro-panel stays in L1 while every A micro-panel of the
 * block streams past it.
 */
final class MacroKernel {
    private MacroKernel() {}

    static void compute(int mc, int nc, int kc, float alpha, float beta, float[] packedA, float[] packedB,
                        float[] c, int cIdx, int ldc, float[] tile) {
        final int mrMax = Blocking.MR, nrMax = Blocking.NR;
        for (int jr = 0; jr < nc; jr += nrMax) {
            int nr = Math.min(nrMax, nc - jr);
            for (int ir = 0; ir < mc; ir += mrMax) {
                int mr = Math.min(mrMax, mc - ir);
                int at = cIdx + ir * ldc + jr;
                // WIDE is a constant, so C2 keeps only one of these calls.
                if (Blocking.WIDE) {
                    MicroKernel8x2.compute(kc, packedA, ir * kc, packedB, jr * kc, alpha, beta, c, at, ldc, mr, nr, tile);
                } else {
                    MicroKernel6x2.compute(kc, packedA, ir * kc, packedB, jr * kc, alpha, beta, c, at, ldc, mr, nr, tile);
                }
            }
        }
    }
}
