package org.vectorkernels.internal.scalar;

import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.threads.Threads;

/**
 * The kernels in plain Java, for JVMs without the Vector API. The i-k-j order keeps the inner
 * loop on contiguous rows of C (and of B when it is not transposed), which C2 auto-vectorizes.
 * Large products split by rows, and large sumRows by columns, over {@link Threads#count()} threads.
 */
public final class ScalarKernels implements Kernels {
    private final String reason;

    public ScalarKernels(String reason) {
        this.reason = reason;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu,
                      float[] sums, int sumsOffset) {
        ScalarSgemm.sgemm(this, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                bias, biasOffset, relu, sums, sumsOffset);
    }

    @Override
    public PackedOperand packB(boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        return ScalarSgemm.packB(this, transB, k, n, b, bOffset, ldb);
    }

    @Override
    public void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu) {
        ScalarSgemm.sgemm(this, transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, bias, biasOffset, relu);
    }

    @Override
    public void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        ScalarSgemm.sumRows(m, n, x, xOffset, ldx, out, outOffset);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu,
                      double[] sums, int sumsOffset) {
        ScalarDgemm.dgemm(this, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                bias, biasOffset, relu, sums, sumsOffset);
    }

    @Override
    public DoublePackedOperand packB(boolean transB, int k, int n, double[] b, int bOffset, int ldb) {
        return ScalarDgemm.packB(this, transB, k, n, b, bOffset, ldb);
    }

    @Override
    public void dgemm(boolean transA, int m, double alpha, double[] a, int aOffset, int lda, DoublePackedOperand b,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu) {
        ScalarDgemm.dgemm(this, transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, bias, biasOffset, relu);
    }

    @Override
    public void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset) {
        ScalarDgemm.sumRows(m, n, x, xOffset, ldx, out, outOffset);
    }

    @Override
    public void relu(int n, float[] x, float[] y, boolean[] mask) {
        for (int i = 0; i < n; i++) {
            boolean off = x[i] <= 0f;
            y[i] = off ? 0f : x[i];
            if (mask != null) {
                mask[i] = off;
            }
        }
    }

    @Override
    public void reluBackward(int n, float[] dout, boolean[] mask, float[] dx) {
        for (int i = 0; i < n; i++) {
            dx[i] = mask[i] ? 0f : dout[i];
        }
    }

    @Override
    public void sigmoid(int n, float[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
    }

    @Override
    public void sigmoidBackward(int n, float[] dout, float[] y, float[] dx) {
        for (int i = 0; i < n; i++) {
            dx[i] = dout[i] * (1f - y[i]) * y[i];
        }
    }

    @Override
    public void softmaxRows(int m, int n, float[] x, float[] y, double[] logSumExp) {
        softmax(m, n, x, y, logSumExp);
    }

    /** The softmax of each row in plain loops; the Vector API kernels use it too for rows shorter than a vector. */
    public static void softmax(int m, int n, float[] x, float[] y, double[] logSumExp) {
        for (int i = 0, row = 0; i < m; i++, row += n) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, x[row + j]);
            }
            float sum = 0f;
            for (int j = 0; j < n; j++) {
                float e = (float) Math.exp(x[row + j] - max);
                y[row + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j < n; j++) {
                y[row + j] *= inv;
            }
            logSumExp[i] = max + Math.log(sum); // in double: e.g. 1e8 + ln 2 is 1e8 in float
        }
    }

    @Override
    public String description() {
        return "scalar (" + reason + ")";
    }
}
