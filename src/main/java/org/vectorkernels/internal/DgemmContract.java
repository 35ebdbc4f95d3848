// GENERATED from src/main/java/org/vectorkernels/internal/SgemmContract.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal;

import java.util.Objects;

import org.vectorkernels.internal.scalar.ScalarDgemm;

/**
 * The parts of the SGEMM contract that every kernel shares: validation before any write, and
 * the BLAS cases that need no product (m or n = 0; k = 0 or alpha = 0).
 */
public final class DgemmContract {
    private DgemmContract() {}

    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)}; when {@code sums} is not null also
     * {@code sums[j] := (accumulate ? sums[j] : 0) + Σ_p op(B)(p, j)}.
     */
    public static void apply(Kernels kernels, boolean transA, boolean transB, int m, int n, int k,
                             double alpha, double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu,
                             double[] sums, int sumsOffset, boolean accumulate) {
        DoubleGemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        checkBias(bias, biasOffset, n);
        if (sums != null) {
            DoubleGemmChecks.vector("sums", "sumsOffset", sums, sumsOffset, n);
            if (!accumulate) {
                java.util.Arrays.fill(sums, sumsOffset, sumsOffset + n, 0d);
            }
        }
        if (m > 0 && n > 0 && k > 0 && alpha != 0d) {
            kernels.dgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    bias, biasOffset, relu, sums, sumsOffset);
            return;
        }
        finishWithoutProduct(m, n, beta, c, cOffset, ldc, bias, biasOffset, relu);
        if (sums != null && n > 0 && k > 0) { // the sums still need B
            ScalarDgemm.sumColumnsOfOpB(transB, n, k, b, bOffset, ldb, sums, sumsOffset, kernels);
        }
    }

    /** No kernels pack B into panels wider than this: it bounds the size of a packed copy. */
    private static final int WIDEST_PANEL = 64;

    /** op(B) packed by {@code kernels}, after checking every argument (the copy must fit one array). */
    public static DoublePackedOperand pack(Kernels kernels, boolean transB, int k, int n, double[] b, int bOffset, int ldb) {
        Objects.requireNonNull(b, "b");
        DoubleGemmChecks.nonNegative("k", k);
        DoubleGemmChecks.nonNegative("n", n);
        DoubleGemmChecks.matrix("b", "bOffset", "ldb", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        long doubles = (long) k * ((n + WIDEST_PANEL - 1) / WIDEST_PANEL * WIDEST_PANEL) + WIDEST_PANEL;
        if (doubles > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("b is too large to pack: k = " + k + " and n = " + n
                    + " need about " + doubles + " doubles, more than one Java array holds");
        }
        return kernels.packB(transB, k, n, b, bOffset, ldb);
    }

    /** {@code C := act(alpha·op(A)·B + beta·C + 1·biasᵀ)} with B packed by {@link #pack}, k and n its own. */
    public static void apply(Kernels kernels, boolean transA, int m, double alpha, double[] a, int aOffset, int lda,
                             DoublePackedOperand b, double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (b.packer() != kernels) {
            throw new IllegalArgumentException("b was packed by other kernels (" + b.packer().description()
                    + ") than these (" + kernels.description() + ")");
        }
        int k = b.k(), n = b.n();
        DoubleGemmChecks.nonNegative("m", m);
        try {
            DoubleGemmChecks.matrix("a", "aOffset", "lda", a, aOffset, lda, transA ? k : m, transA ? m : k);
            DoubleGemmChecks.matrix("c", "cOffset", "ldc", c, cOffset, ldc, m, n);
        } catch (IllegalArgumentException e) { // k and n come from b: an A of another depth is reported against it
            throw new IllegalArgumentException(e.getMessage() + " (k = " + k + " and n = " + n
                    + " are those of the packed b)", e);
        }
        checkBias(bias, biasOffset, n);
        if (m > 0 && n > 0 && k > 0 && alpha != 0d) {
            kernels.dgemm(transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, bias, biasOffset, relu);
        } else {
            finishWithoutProduct(m, n, beta, c, cOffset, ldc, bias, biasOffset, relu);
        }
    }

    /** {@code out[j] := (accumulate ? out[j] : 0) + Σ_i x(i, j)}, rows in order, after checking every argument. */
    public static void sumRows(Kernels kernels, int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset,
                               boolean accumulate) {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(out, "out");
        DoubleGemmChecks.nonNegative("m", m);
        DoubleGemmChecks.nonNegative("n", n);
        DoubleGemmChecks.matrix("x", "xOffset", "ldx", x, xOffset, ldx, m, n);
        DoubleGemmChecks.vector("out", "outOffset", out, outOffset, n);
        if (!accumulate) {
            java.util.Arrays.fill(out, outOffset, outOffset + n, 0d);
        }
        if (m > 0 && n > 0) {
            kernels.sumRows(m, n, x, xOffset, ldx, out, outOffset);
        }
    }

    /** A bias, if any, that holds n values. */
    private static void checkBias(double[] bias, int biasOffset, int n) {
        if (bias != null) {
            DoubleGemmChecks.vector("bias", "biasOffset", bias, biasOffset, n);
        }
    }

    /** The BLAS cases without a product (m or n = 0, k = 0, alpha = 0): C := act(beta·C + bias). */
    private static void finishWithoutProduct(int m, int n, double beta, double[] c, int cOffset, int ldc,
                                             double[] bias, int biasOffset, boolean relu) {
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = ScalarDgemm.finish(0d, 0d, beta, c[row + j], bias, biasOffset, relu, j);
            }
        }
    }
}
