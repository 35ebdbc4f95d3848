package org.vectorkernels.internal;

/**
 * One SGEMM implementation. Callers have validated every argument, and guarantee
 * m, n, k &gt; 0 and alpha != 0; the contract is otherwise that of {@code Gemm.sgemm}.
 */
public interface SgemmKernel {
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc);

    /** A one-line description for logs. */
    String description();
}
