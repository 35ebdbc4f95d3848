package org.vectorkernels.internal;

/**
 * The parts of the SGEMM contract that every kernel shares: validation before any write, and
 * the BLAS cases that need no product (m or n = 0; k = 0 or alpha = 0).
 */
public final class SgemmContract {
    private SgemmContract() {}

    public static void apply(SgemmKernel kernel, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            GemmChecks.scaleC(m, n, beta, c, cOffset, ldc);
            return;
        }
        kernel.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }
}
