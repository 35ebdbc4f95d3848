package org.vectorkernels.internal;

/**
 * One implementation of every kernel (scalar or Vector API), picked once per JVM by
 * {@link VectorizationProvider}. Callers have validated every argument.
 */
public interface Kernels {
    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)} as {@code Gemm.sgemm} with an epilogue
     * (bias from {@code bias[biasOffset]} on, null for none; act is ReLU when {@code relu}),
     * for m, n, k &gt; 0 and alpha != 0. When {@code sums} is not null, also adds the column sums of
     * op(B), {@code Σ_p op(B)(p, j)}, to {@code sums[sumsOffset + j]}, in order of p, from the
     * same pass over B.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
               float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu,
               float[] sums, int sumsOffset);

    /**
     * op(B) (k×n; stored n×k when {@code transB}) copied into this implementation's layout, for
     * {@link #sgemm(boolean, int, float, float[], int, int, PackedOperand, float, float[], int, int, float[], int, boolean)}.
     * Arguments are valid; the copy fits an array.
     */
    PackedOperand packB(boolean transB, int k, int n, float[] b, int bOffset, int ldb);

    /**
     * The sgemm above with B packed by {@link #packB} of this implementation, for m, n, k &gt; 0 and
     * alpha != 0: bitwise the result of the unpacked call on the B it was packed from.
     */
    void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
               float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu);

    /** {@code out[outOffset + j] += Σ_i x[xOffset + i*ldx + j]}, rows added in order, for m, n &gt; 0. */
    void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset);

    /** {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int, float[], int, boolean, float[], int)} in double. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu,
               double[] sums, int sumsOffset);

    /** {@link #packB(boolean, int, int, float[], int, int)} in double. */
    DoublePackedOperand packB(boolean transB, int k, int n, double[] b, int bOffset, int ldb);

    /** The dgemm above with B packed by {@link #packB(boolean, int, int, double[], int, int)}, bitwise the unpacked call. */
    void dgemm(boolean transA, int m, double alpha, double[] a, int aOffset, int lda, DoublePackedOperand b,
               double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu);

    /** {@link #sumRows(int, int, float[], int, int, float[], int)} in double. */
    void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset);

    /** {@code y[i] = x[i] <= 0 ? 0 : x[i]} for i in [0, n); {@code mask[i] = x[i] <= 0} when mask is not null. */
    void relu(int n, float[] x, float[] y, boolean[] mask);

    /** {@code dx[i] = mask[i] ? 0 : dout[i]}: ReLU's backward from its forward's mask. */
    void reluBackward(int n, float[] dout, boolean[] mask, float[] dx);

    /** {@code y[i] = 1 / (1 + e^(−x[i]))}. */
    void sigmoid(int n, float[] x, float[] y);

    /** {@code dx[i] = dout[i]·(1 − y[i])·y[i]}: sigmoid's backward from its forward's output. */
    void sigmoidBackward(int n, float[] dout, float[] y, float[] dx);

    /**
     * Row-wise softmax of the m×n matrix x into y, stable (the row's max is subtracted before
     * exp), and {@code logSumExp[i] = log Σ_j e^(x(i, j))}, also computed stably, for the loss.
     */
    void softmaxRows(int m, int n, float[] x, float[] y, double[] logSumExp);

    /** A one-line description for logs. */
    String description();
}
