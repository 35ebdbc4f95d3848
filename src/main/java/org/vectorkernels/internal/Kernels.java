package org.vectorkernels.internal;

import org.vectorkernels.Epilogue;

/**
 * One implementation of every kernel (scalar or Vector API), picked once per JVM by
 * {@link VectorizationProvider}. Callers have validated every argument.
 */
public interface Kernels {
    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)} as {@code Gemm.sgemm} with an epilogue,
     * for m, n, k &gt; 0 and alpha != 0. When {@code sums} is not null, also adds the column sums of
     * op(B), {@code Σ_p op(B)(p, j)}, to {@code sums[sumsOffset + j]}, in order of p, from the
     * same pass over B.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc, Epilogue epilogue, float[] sums, int sumsOffset);

    /** {@code out[outOffset + j] += Σ_i x[xOffset + i*ldx + j]}, rows added in order, for m, n &gt; 0. */
    void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset);

    /** A one-line description for logs. */
    String description();
}
