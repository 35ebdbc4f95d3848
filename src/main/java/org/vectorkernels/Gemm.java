package org.vectorkernels;

import org.vectorkernels.internal.DgemmContract;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * General matrix multiply, row-major, in single precision ({@code sgemm}) and double ({@code dgemm}).
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

    /**
     * Dense {@code C = A·B} with A m×k, B k×n and C m×n, all stored contiguously from index 0.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a A, at least m·k elements
     * @param b B, at least k·n elements
     * @param c C, at least m·n elements, overwritten
     */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0f, c, 0, Math.max(1, n));
    }

    /**
     * {@code C := alpha·op(A)·op(B) + beta·C}; see the class description for the layout.
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, Epilogue.NONE);
    }

    /**
     * Dense {@code C = A·B} in double precision, as {@link #sgemm(int, int, int, float[], float[], float[])}.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a A, at least m·k elements
     * @param b B, at least k·n elements
     * @param c C, at least m·n elements, overwritten
     */
    public static void dgemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        dgemm(false, false, m, n, k, 1, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0, c, 0, Math.max(1, n));
    }

    /**
     * {@code C := alpha·op(A)·op(B) + beta·C} in double precision, with the BLAS semantics, checks
     * and layout of the float call; see the class description. The double kernels are generated
     * from the float ones: the same tile, blocks of the same bytes, the same paths.
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc) {
        DgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, null, 0, false, null, 0, false);
    }

    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)}: sgemm with the {@link Epilogue}
     * applied to each tile of C while it is still in registers, not in a second pass over C.
     * A bias shorter than n is an {@code IllegalArgumentException} naming {@code bias}.
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param epilogue what is applied to each element of C after the product: {@link Epilogue#NONE}, a bias, ReLU
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        java.util.Objects.requireNonNull(epilogue, "epilogue");
        SgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu(), null, 0, false);
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
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param sums n column sums, from {@code sumsOffset}
     * @param sumsOffset where the sums start in {@code sums}
     * @param accumulate whether the sums are added to what {@code sums} holds (else they replace it)
     */
    public static void sgemmWithColumnSums(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                           float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                                           float beta, float[] c, int cOffset, int ldc,
                                           float[] sums, int sumsOffset, boolean accumulate) {
        java.util.Objects.requireNonNull(sums, "sums");
        SgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, null, 0, false, sums, sumsOffset, accumulate);
    }

    /**
     * op(B) packed once for many products by it ({@link PackedMatrix}): B is stored k×n from
     * {@code b[bOffset]} with rows {@code ldb} apart, or n×k when {@code transB}. Arguments are
     * checked as sgemm's are; the result is a copy. Packed from n×k, it also keeps B as stored,
     * for products with one row (twice the memory; see {@link PackedMatrix#sizeInBytes()}).
     *
     * @param transB whether B is stored transposed (n×k)
     * @param k rows of op(B): the depth of the products
     * @param n columns of op(B) and of C
     * @param b B's elements
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @return the packed op(B), k×n
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
     *
     * @param transA whether A is stored transposed (k×m)
     * @param m rows of op(A) and of C
     * @param alpha the factor of the product
     * @param a A's elements
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b op(B), packed by {@link #packB}: it gives k and n
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param epilogue what is applied to each element of C after the product
     */
    public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedMatrix b,
                             float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        java.util.Objects.requireNonNull(b, "b");
        java.util.Objects.requireNonNull(epilogue, "epilogue");
        SgemmContract.apply(KERNELS, transA, m, alpha, a, aOffset, lda, b.operand(), beta, c, cOffset, ldc,
                epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
    }

    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)} in double precision: the epilogue form
     * of {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int, Epilogue)}.
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param epilogue what is applied to each element of C after the product: {@link DoubleEpilogue#NONE}, a bias, ReLU
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc, DoubleEpilogue epilogue) {
        java.util.Objects.requireNonNull(epilogue, "epilogue");
        DgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu(), null, 0, false);
    }

    /**
     * dgemm that also sums the columns of op(B) from the same pass over B, as
     * {@link #sgemmWithColumnSums} does in float: bitwise the sums of {@link Reductions#sumRows(int, int, double[], int, int, double[], int, boolean)}.
     *
     * @param transA whether A is stored transposed (k×m), so that op(A) = Aᵀ
     * @param transB whether B is stored transposed (n×k), so that op(B) = Bᵀ
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements, A(i, j) at {@code a[aOffset + i*lda + j]} as stored
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements, as A's
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param sums n column sums, from {@code sumsOffset}
     * @param sumsOffset where the sums start in {@code sums}
     * @param accumulate whether the sums are added to what {@code sums} holds (else they replace it)
     */
    public static void dgemmWithColumnSums(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                           double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                           double beta, double[] c, int cOffset, int ldc,
                                           double[] sums, int sumsOffset, boolean accumulate) {
        java.util.Objects.requireNonNull(sums, "sums");
        DgemmContract.apply(KERNELS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc, null, 0, false, sums, sumsOffset, accumulate);
    }

    /**
     * A double op(B) packed once for many products by it, as {@link #packB(boolean, int, int, float[], int, int)}.
     *
     * @param transB whether B is stored transposed (n×k)
     * @param k rows of op(B): the depth of the products
     * @param n columns of op(B) and of C
     * @param b B's elements
     * @param bOffset where B starts in {@code b}
     * @param ldb the distance between rows of B as stored
     * @return the packed op(B), k×n
     */
    public static DoublePackedMatrix packB(boolean transB, int k, int n, double[] b, int bOffset, int ldb) {
        return new DoublePackedMatrix(DgemmContract.pack(KERNELS, transB, k, n, b, bOffset, ldb));
    }

    /**
     * {@code C := act(alpha·op(A)·B + beta·C + 1·biasᵀ)} in double with B packed by
     * {@link #packB(boolean, int, int, double[], int, int)}: bitwise the unpacked call, as the float one.
     *
     * @param transA whether A is stored transposed (k×m)
     * @param m rows of op(A) and of C
     * @param alpha the factor of the product
     * @param a A's elements
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b op(B), packed by {@link #packB(boolean, int, int, double[], int, int)}: it gives k and n
     * @param beta the factor of C's old value (0: C is written without being read)
     * @param c C's elements, m×n, written in place
     * @param cOffset where C starts in {@code c}
     * @param ldc the distance between rows of C
     * @param epilogue what is applied to each element of C after the product
     */
    public static void dgemm(boolean transA, int m, double alpha, double[] a, int aOffset, int lda, DoublePackedMatrix b,
                             double beta, double[] c, int cOffset, int ldc, DoubleEpilogue epilogue) {
        java.util.Objects.requireNonNull(b, "b");
        java.util.Objects.requireNonNull(epilogue, "epilogue");
        DgemmContract.apply(KERNELS, transA, m, alpha, a, aOffset, lda, b.operand(), beta, c, cOffset, ldc,
                epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
    }

    /**
     * Which kernels this JVM runs, for logs and bug reports: for example
     * {@code "panama: 512-bit vectors, 8x32 micro-tile"} or {@code "scalar (...)"}.
     *
     * @return one line: the kernels, the profile and the CPU
     */
    public static String implementation() {
        return KERNELS.description();
    }
}
