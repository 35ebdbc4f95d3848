// GENERATED from src/main/java/org/vectorkernels/reference/NaiveGemm.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.reference;

import org.vectorkernels.internal.DoubleGemmChecks;

/**
 * The plain i-j-k triple loop, with the same contract and validation as
 * {@link org.vectorkernels.Gemm}: a readable statement of what the fast kernel computes, and the
 * benchmarks' baseline. Each element is one double dot product, summed in order of k.
 */
public final class DoubleNaiveGemm {
    private DoubleNaiveGemm() {}

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
    public static void dgemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        dgemm(false, false, m, n, k, 1d, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0d, c, 0, Math.max(1, n));
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
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc) {
        DoubleGemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        boolean readAB = k > 0 && alpha != 0d;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0d;
                for (int p = 0; readAB && p < k; p++) {
                    double aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    double bpj = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += aip * bpj;
                }
                int ij = cOffset + i * ldc + j;
                c[ij] = beta == 0d ? alpha * sum : alpha * sum + beta * c[ij];
            }
        }
    }
}
