package org.vectorkernels;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * Single-precision general matrix multiply, row-major.
 *
 * <p>{@code C := alpha·op(A)·op(B) + beta·C}, where element (i, j) of a stored matrix x is
 * {@code x[offset + i*ld + j]}; op(A) is m×k (A is stored m×k, or k×m when {@code transA}),
 * op(B) is k×n (stored k×n, or n×k when {@code transB}) and C is m×n.
 *
 * <p>BLAS semantics: m or n = 0 touches nothing; k = 0 or alpha = 0 gives C = beta·C without
 * reading A or B; beta = 0 overwrites C without reading it. All arguments are checked before
 * any element of C is written. Identical calls give bitwise-identical results; any number of
 * threads may call at once.
 *
 * <pre>{@code
 * float[] a = ..., b = ..., c = new float[m * n];
 * Gemm.sgemm(m, n, k, a, b, c);                       // C = A·B, dense
 * Gemm.sgemm(false, true, m, n, k, 1f, a, 0, k,        // C = A·Bᵀ + C
 *            b, 0, k, 1f, c, 0, n);
 * }</pre>
 */
public final class Gemm {
    private static final Kernels KERNELS = VectorizationProvider.kernels();

    private Gemm() {}

    /** Dense {@code C = A·B} with A m×k, B k×n and C m×n, all stored contiguously from index 0. */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0f, c, 0, Math.max(1, n));
    }

    /** {@code C := alpha·op(A)·op(B) + beta·C}; see the class description for the layout. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, Epilogue.NONE);
    }

    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)}: sgemm with the {@link Epilogue}
     * applied to each tile of C while it is still in registers, not in a second pass over C.
     * A bias shorter than n is an {@code IllegalArgumentException} naming {@code bias}.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        SgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, epilogue, null, 0, false);
    }

    /**
     * sgemm that also sums the columns of op(B) from the same pass over B:
     * {@code sums[sumsOffset + j] := (accumulate ? sums[...] : 0) + Σ_p op(B)(p, j)}, in order of p,
     * so the sums are bitwise those of {@link Reductions#sumRows} on B (not transposed).
     * A dense layer's backward pass computes {@code dW = Xᵀ·dY} and {@code db = Σ_rows dY} with one call:
     * <pre>{@code
     * Gemm.sgemmWithColumnSums(true, false, in, out, batch, 1f, x, 0, in, dy, 0, out,
     *                          0f, dw, 0, out, db, 0, false);
     * }</pre>
     */
    public static void sgemmWithColumnSums(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                           float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                           float beta, float[] c, int cOffset, int ldc,
                                           float[] sums, int sumsOffset, boolean accumulate) {
        java.util.Objects.requireNonNull(sums, "sums");
        SgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, Epilogue.NONE, sums, sumsOffset, accumulate);
    }

    /**
     * op(B) packed once for many products by it ({@link PackedMatrix}): B is stored k×n from
     * {@code b[bOffset]} with rows {@code ldb} apart, or n×k when {@code transB}. Arguments are
     * checked as sgemm's are; the result is a copy.
     */
    public static PackedMatrix packB(boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        return new PackedMatrix(SgemmContract.pack(KERNELS, transB, k, n, b, bOffset, ldb));
    }

    /**
     * {@code C := act(alpha·op(A)·B + beta·C + 1·biasᵀ)} with B packed by {@link #packB}: k and n
     * are B's; the semantics, checks and threads are the other sgemm's, and the result is bitwise
     * that of the unpacked call on the array B was packed from. An A that does not hold m×k
     * (for example one of another depth than B) is an {@code IllegalArgumentException} naming
     * {@code a} and B's k, before C is touched.
     * <pre>{@code
     * PackedMatrix w = Gemm.packB(false, in, out, weights, 0, out);      // once
     * Gemm.sgemm(false, batch, 1f, x, 0, in, w, 0f, y, 0, out, Epilogue.bias(bias).withRelu()); // per batch
     * }</pre>
     */
    public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedMatrix b,
                             float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        java.util.Objects.requireNonNull(b, "b");
        SgemmContract.apply(KERNELS, transA, m, alpha, a, aOffset, lda, b.operand(), beta, c, cOffset, ldc, epilogue);
    }

    /**
     * Which kernels this JVM runs, for logs and bug reports: for example
     * {@code "panama: 512-bit vectors, 8x32 micro-tile"} or {@code "scalar (...)"}.
     */
    public static String implementation() {
        return KERNELS.description();
    }
}
