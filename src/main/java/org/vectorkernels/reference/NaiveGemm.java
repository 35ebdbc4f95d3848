package org.vectorkernels.reference;

import org.vectorkernels.internal.GemmChecks;

/**
 * The plain i-j-k triple loop, with the same contract and validation as
 * {@link org.vectorkernels.Gemm}: a readable statement of what the fast kernel computes, and the
 * benchmarks' baseline. Each element is one float dot product, summed in order of k.
 */
public final class NaiveGemm {
    private NaiveGemm() {}

    /**
     * Dense {@code C = A·B} with A m×k, B k×n and C m×n, all stored contiguously from index 0.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a A's elements
     * @param b B's elements
     * @param c C's elements, written
     */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0f, c, 0, Math.max(1, n));
    }

    /**
     * {@code C := alpha·op(A)·op(B) + beta·C}, row-major; see {@link org.vectorkernels.Gemm}.
     *
     * @param transA whether A is stored transposed (k×m)
     * @param transB whether B is stored transposed (n×k)
     * @param m rows of op(A) and of C
     * @param n columns of op(B) and of C
     * @param k columns of op(A), rows of op(B)
     * @param alpha the factor of the product
     * @param a A's elements
     * @param aOffset where A starts in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b B's elements
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
        GemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        boolean readAB = k > 0 && alpha != 0f;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; readAB && p < k; p++) {
                    float aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bpj = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += aip * bpj;
                }
                int ij = cOffset + i * ldc + j;
                c[ij] = beta == 0f ? alpha * sum : alpha * sum + beta * c[ij];
            }
        }
    }
}
