package org.vectorkernels.internal;

/**
 * SGEMM in plain Java, for JVMs without the Vector API. The i-k-j order keeps the inner
 * loop on contiguous rows of C (and of B when it is not transposed), which C2 auto-vectorizes.
 */
public final class ScalarSgemm implements SgemmKernel {
    private final String reason;

    public ScalarSgemm(String reason) {
        this.reason = reason;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
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
        }
    }

    @Override
    public String description() {
        return "scalar (" + reason + ")";
    }
}
