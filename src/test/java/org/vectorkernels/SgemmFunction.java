package org.vectorkernels;

/** Any implementation with the {@code Gemm.sgemm} contract, so one test body checks them all. */
@FunctionalInterface
public interface SgemmFunction {
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc);
}
