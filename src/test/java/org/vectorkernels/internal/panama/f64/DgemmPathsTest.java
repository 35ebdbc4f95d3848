package org.vectorkernels.internal.panama.f64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vectorkernels.ExactSum;
import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.threads.Threads;

/**
 * The double precision GEMM generated from the float source ({@code DoubleSourceGenerator}), on
 * its own, before any public call reaches it: every path (direct, single row, blocked with A in
 * place, packed in rows or interleaved, the edge and wide kernels; split over two threads; B packed
 * ahead) in plans whose blocks the sizes cross, against a double-double reference with double's
 * error bound, C's padding poisoned; a packed B and two threads bitwise the plain call.
 */
class DgemmPathsTest {
    private static final int[] EDGES = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 32, 33, 47, 49, 64, 65, 97, 131};
    private static final double U = Math.ulp(1d) / 2, POISON = -7777.25;

    @TestFactory
    List<DynamicTest> everyPathAgainstTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        int nr = Species.LANES;
        List<Profile> profiles = List.of(
                new Profile("f64-8x2-interleaved", 8, 2, 40, 16, 6 * 2 * nr, "test", 1L << 14, true, true, true),
                new Profile("f64-6x2-rows", 6, 2, 72, 18, 4 * 2 * nr, "test", 1L << 14, false, false, false),
                new Profile("f64-4x3-rows", 4, 3, 33, 12, 5 * 3 * nr, "test", 1L << 14, true, false, false));
        for (Profile p : profiles) {
            for (boolean offHeap : PanelsOfB.offHeapAvailable() ? new boolean[] {false, true} : new boolean[] {false}) {
                Plan plan = Plan.of(p, offHeap).orElseThrow();
                tests.add(DynamicTest.dynamicTest(plan.describe(), () -> check(plan)));
            }
        }
        return tests;
    }

    private static void check(Plan plan) {
        SplittableRandom rnd = new SplittableRandom(plan.describe().hashCode());
        int before = Threads.count();
        try {
            for (int t = 0; t < 120; t++) {
                Case x = new Case(rnd, t % 10 == 0 ? 1 : pick(rnd), pick(rnd), pick(rnd));
                Threads.set(1);
                double[] one = x.run(plan, null);
                x.check(one);
                Threads.set(2);
                assertArrayEquals(one, x.run(plan, null), x + ": two threads");
                Threads.set(1);
                if (x.sums == null) { // a packed B: the unpacked call's bits
                    DoublePackedOperand packed = DgemmPaths.packB(plan, null, x.transB, x.k, x.n, x.b, x.bOff, x.ldb);
                    assertArrayEquals(one, x.run(plan, packed), x + ": packed B");
                }
            }
            // Past every block at once, on both threads.
            Case big = new Case(rnd, 150, 300, 130);
            Threads.set(2);
            big.check(big.run(plan, null));
        } finally {
            Threads.set(before);
        }
    }

    private static int pick(SplittableRandom rnd) {
        return EDGES[rnd.nextInt(EDGES.length)];
    }

    /** One random product: operands stored with offsets and padded leading dimensions. */
    private static final class Case {
        final boolean transA, transB, relu;
        final int m, n, k, aOff, bOff, cOff, lda, ldb, ldc;
        final double alpha, beta;
        final double[] a, b, c0, bias, sums;

        Case(SplittableRandom rnd, int m, int n, int k) {
            this.m = m;
            this.n = n;
            this.k = k;
            transA = rnd.nextBoolean();
            transB = rnd.nextBoolean();
            relu = rnd.nextInt(4) == 0;
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
            c0 = random(rnd, cOff + m * ldc);
            for (int i = 0; i < m; i++) { // poison C's padding: past n in each row
                Arrays.fill(c0, cOff + i * ldc + n, cOff + (i + 1) * ldc, POISON);
            }
            bias = rnd.nextInt(3) == 0 ? random(rnd, n) : null;
            sums = rnd.nextInt(5) == 0 && !relu ? new double[n] : null;
        }

        double a(int i, int p) {
            return a[aOff + (transA ? p * lda + i : i * lda + p)];
        }

        double b(int p, int j) {
            return b[bOff + (transB ? j * ldb + p : p * ldb + j)];
        }

        double[] run(Plan plan, DoublePackedOperand packed) {
            double[] c = c0.clone();
            if (sums != null) {
                Arrays.fill(sums, 0);
            }
            if (packed == null) {
                DgemmPaths.dgemm(plan, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                        bias, 0, relu, sums, 0);
            } else {
                DgemmPaths.dgemm(plan, transA, m, alpha, a, aOff, lda, packed, beta, c, cOff, ldc, bias, 0, relu);
            }
            return c;
        }

        /** Each element within 2·(k + 2)·u of Σ|terms| of the double-double result; padding untouched; sums of B's columns. */
        void check(double[] c) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < ldc; j++) {
                    int at = cOff + i * ldc + j;
                    if (j >= n) {
                        assertEquals(POISON, c[at], this + ": padding at (" + i + ", " + j + ")");
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
                    double bound = 2 * (k + 3) * U * mag + Double.MIN_NORMAL;
                    assertTrue(Math.abs(c[at] - want) <= bound, this + ": (" + i + ", " + j + ") " + c[at] + " against " + want);
                }
            }
            if (sums != null) {
                for (int j = 0; j < n; j++) {
                    double want = 0, mag = 0;
                    for (int p = 0; p < k; p++) {
                        want += b(p, j);
                        mag += Math.abs(b(p, j));
                    }
                    assertTrue(Math.abs(sums[j] - want) <= 2 * k * U * mag, this + ": column sum " + j);
                }
            }
        }

        private static double[] random(SplittableRandom rnd, int length) {
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
}
