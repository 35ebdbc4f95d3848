package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One random double GEMM problem, for the tests of the public call and of the internal paths:
 * operands at random offsets with padded leading dimensions, C's padding and tail poisoned;
 * optionally a bias, ReLU or column sums. {@link #check} holds the result to a double-double
 * reference ({@link ExactSum}) within 2·(terms)·u·Σ|terms| and every cell outside C to its poison.
 */
public final class DoubleEpilogueCase {
    /** The call under test, on this case's operands. */
    public interface Call {
        void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
                   double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc,
                   double[] bias, boolean relu, double[] sums);
    }

    static final double U = Math.ulp(1d) / 2, POISON = -4242.75;
    /** Products past this m·n·k are checked on every seventh row. */
    private static final long FULL_CHECK_VOLUME = 20_000_000;

    public final boolean transA, transB, relu;
    public final int m, n, k, aOff, bOff, cOff, lda, ldb, ldc;
    public final double alpha, beta;
    public final double[] a, b, c0, bias, sums;

    /** A product of these shapes; with {@code epilogue}, a bias, ReLU or column sums drawn at random. */
    public DoubleEpilogueCase(SplittableRandom rnd, boolean transA, boolean transB, int m, int n, int k, boolean epilogue) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        relu = epilogue && rnd.nextInt(4) == 0;
        alpha = rnd.nextBoolean() ? 1 : rnd.nextDouble(-2, 2);
        beta = new double[] {0, 1, -0.6}[rnd.nextInt(3)];
        aOff = rnd.nextInt(4);
        bOff = rnd.nextInt(4);
        cOff = rnd.nextInt(4);
        lda = (transA ? m : k) + rnd.nextInt(3);
        ldb = (transB ? k : n) + rnd.nextInt(3);
        ldc = n + rnd.nextInt(3);
        a = random(rnd, aOff + (transA ? k : m) * lda);
        b = random(rnd, bOff + (transB ? n : k) * ldb);
        c0 = random(rnd, cOff + m * ldc + 2);
        for (int i = 0; i < m; i++) {
            Arrays.fill(c0, cOff + i * ldc + n, cOff + (i + 1) * ldc, POISON);
        }
        Arrays.fill(c0, cOff + m * ldc, c0.length, POISON);
        bias = epilogue && rnd.nextInt(3) == 0 ? random(rnd, n) : null;
        sums = epilogue && rnd.nextInt(5) == 0 && !relu ? new double[n] : null;
    }

    double a(int i, int p) {
        return a[aOff + (transA ? p * lda + i : i * lda + p)];
    }

    double b(int p, int j) {
        return b[bOff + (transB ? j * ldb + p : p * ldb + j)];
    }

    /** C after {@code call} on a fresh copy of the initial C (and zeroed sums). */
    public double[] run(Call call) {
        double[] c = c0.clone();
        if (sums != null) {
            Arrays.fill(sums, 0);
        }
        call.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, bias, relu, sums);
        return c;
    }

    /** Each element of C near the reference, everything outside C untouched, and the column sums of op(B). */
    public void check(double[] c) {
        for (int at = 0; at < c.length; at++) {
            int i = (at - cOff) / ldc, j = (at - cOff) % ldc;
            if (at < cOff || i >= m || j >= n) {
                assertEquals(c0[at], c[at], this + ": wrote outside C at " + at);
                continue;
            }
            if ((long) m * n * k > FULL_CHECK_VOLUME && i % 7 != 3) {
                continue;
            }
            ExactSum sum = new ExactSum();
            for (int p = 0; p < k; p++) {
                sum.addProduct(alpha * a(i, p), b(p, j));
            }
            if (beta != 0) {
                sum.addProduct(beta, c0[at]);
            }
            double want = sum.value(), mag = sum.magnitude();
            if (bias != null) {
                want += bias[j];
                mag += Math.abs(bias[j]);
            }
            if (relu) {
                want = Math.max(0, want);
            }
            double bound = 2 * (k + 2 + (bias != null ? 1 : 0)) * U * mag + Double.MIN_NORMAL;
            assertTrue(Math.abs(c[at] - want) <= bound, this + " (" + i + ", " + j + "): " + c[at] + " against " + want);
        }
        if (sums != null) {
            for (int j = 0; j < n; j++) {
                ExactSum want = new ExactSum();
                for (int p = 0; p < k; p++) {
                    want.add(b(p, j));
                }
                assertTrue(Math.abs(sums[j] - want.value()) <= 2 * k * U * want.magnitude(), this + ": column sum " + j);
            }
        }
    }

    /** Values away from zero, of either sign. */
    public static double[] random(SplittableRandom rnd, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextDouble(0.1, 1) * (rnd.nextBoolean() ? 1 : -1);
        }
        return x;
    }

    @Override
    public String toString() {
        return String.format("%s%s m=%d n=%d k=%d alpha=%s beta=%s bias=%b relu=%b sums=%b", transA ? "T" : "N", transB ? "T" : "N",
                m, n, k, alpha, beta, bias != null, relu, sums != null);
    }
}
