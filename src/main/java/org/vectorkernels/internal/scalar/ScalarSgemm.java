package org.vectorkernels.internal.scalar;

import org.vectorkernels.internal.GemmChecks;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.threads.Splits;
import org.vectorkernels.internal.threads.SumRowsSplit;

/**
 * The scalar SGEMM, its column sums and epilogue: plain Java for JVMs without the Vector API. The
 * i-k-j order keeps the inner loop on contiguous rows of C (and of B when it is not transposed),
 * which C2 auto-vectorizes. Its double precision twin, {@code ScalarDgemm}, is generated from this
 * file ({@code DoubleSourceGenerator}).
 */
public final class ScalarSgemm {
    private ScalarSgemm() {}

    /** As {@link Kernels#sgemm}: large products split by rows over threads, each row in i-k-j order. */
    public static void sgemm(Kernels kernels, boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu,
                      float[] sums, int sumsOffset) {
        int parts = Math.min(Splits.parts(m, n, k, Splits.PARALLEL_MIN_VOLUME), m);
        if (parts > 1) {
            ScalarGemmSplit.run(parts, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc, bias, biasOffset, relu);
        } else {
            rows(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, bias, biasOffset, relu);
        }
        if (sums != null) {
            sumColumnsOfOpB(transB, n, k, b, bOffset, ldb, sums, sumsOffset, kernels);
        }
    }

    /** Plain op(B), k×n: the i-k-j loops add the same products in the same order whether B was transposed or not. */
    public static PackedOperand packB(Kernels packer, boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        float[] copy = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                copy[p * n + j] = b[bOffset + (transB ? j * ldb + p : p * ldb + j)];
            }
        }
        return new PackedOperand(packer, k, n, null, copy, 0, n);
    }

    /** As {@link Kernels#sgemm} on B packed by {@link #packB}: the plain product on its copy. */
    public static void sgemm(Kernels kernels, boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu) {
        sgemm(kernels, transA, false, m, b.n(), b.k(), alpha, a, aOffset, lda, b.data(), 0, b.paddedColumns(),
                beta, c, cOffset, ldc, bias, biasOffset, relu, null, 0);
    }

    /** The m rows of C from {@code c[cOffset]} on, each in i-k-j order: a row's result does not depend on the others. */
    static void rows(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu) {
        // A(i, p) = a[aOffset + i*aRow + p*aCol]; B(p, j) = b[bOffset + p*bRow + j*bCol].
        int aRow = transA ? 1 : lda, aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb, bCol = transB ? ldb : 1;
        GemmChecks.scaleC(m, n, beta, c, cOffset, ldc);
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            for (int p = 0; p < k; p++) {
                float aip = alpha * a[aOffset + i * aRow + p * aCol];
                int bp = bOffset + p * bRow;
                if (bCol == 1) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j * bCol];
                    }
                }
            }
            if (bias != null || relu) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = finish(c[ci + j], 1f, 0f, 0f, bias, biasOffset, relu, j);
                }
            }
        }
    }

    /** {@code out[j] += Σ_i x[i][j]}, rows in order; large sums split by columns over threads. */
    public static void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        SumRowsSplit.run(SUM_ROWS_SERIAL, m, n, x, xOffset, ldx, out, outOffset);
    }

    private static final SumRowsSplit.Serial SUM_ROWS_SERIAL = ScalarSgemm::sumRowsSerial;

    private static void sumRowsSerial(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        for (int i = 0; i < m; i++) {
            int row = xOffset + i * ldx;
            for (int j = 0; j < n; j++) {
                out[outOffset + j] += x[row + j];
            }
        }
    }

    /** {@code act(alpha·product + beta·old + bias[j])}, beta = 0 ignoring old; the scalar epilogue. */
    public static float finish(float product, float alpha, float beta, float old, float[] bias, int biasOffset, boolean relu, int j) {
        float v = beta == 0f ? alpha * product : alpha * product + beta * old;
        if (bias != null) {
            v += bias[biasOffset + j];
        }
        return relu ? Math.max(v, 0f) : v;
    }

    /** {@code sums[j] += Σ_p op(B)(p, j)} in order of p: rows of B, or (transposed) its stored rows. */
    public static void sumColumnsOfOpB(boolean transB, int n, int k, float[] b, int bOffset, int ldb,
                                float[] sums, int sumsOffset, Kernels kernels) {
        if (!transB) {
            kernels.sumRows(k, n, b, bOffset, ldb, sums, sumsOffset);
            return;
        }
        for (int j = 0; j < n; j++) {
            float s = sums[sumsOffset + j];
            for (int p = 0; p < k; p++) {
                s += b[bOffset + j * ldb + p];
            }
            sums[sumsOffset + j] = s;
        }
    }
}
