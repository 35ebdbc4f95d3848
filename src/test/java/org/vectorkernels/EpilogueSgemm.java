package org.vectorkernels;

/** An SGEMM path that takes an epilogue, as {@code Gemm.sgemm(..., Epilogue)} does. */
@FunctionalInterface
public interface EpilogueSgemm {
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc, Epilogue epilogue);
}
