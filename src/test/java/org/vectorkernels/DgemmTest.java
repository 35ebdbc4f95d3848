package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vectorkernels.internal.threads.Threads;

/**
 * {@link Gemm#dgemm}, in whichever kernels this JVM runs (the Vector API's, or the scalar ones
 * without the module), beyond what its generated tests ({@code DgemmShapesTest}, {@code DgemmSblat3Test},
 * {@code DgemmBadInputTest}) cover: the dense form, the BLAS cases, NaN and Inf, one and two threads
 * bitwise alike, and the epilogue, column sums and packed B each bitwise the plain call.
 */
class DgemmTest {
    private static final double POISON = DoubleEpilogueCase.POISON;

    @Test
    void denseFormIsTheGeneralCall() {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 37, n = 41, k = 29;
        double[] a = DoubleEpilogueCase.random(rnd, m * k), b = DoubleEpilogueCase.random(rnd, k * n), c1 = DoubleEpilogueCase.random(rnd, m * n), c2 = c1.clone();
        Gemm.dgemm(m, n, k, a, b, c1);
        Gemm.dgemm(false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, c2, 0, n);
        assertArrayEquals(c2, c1);
    }

    @Test
    void blasCases() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] a = DoubleEpilogueCase.random(rnd, 64), b = DoubleEpilogueCase.random(rnd, 64), c = DoubleEpilogueCase.random(rnd, 64), before = c.clone();
        Gemm.dgemm(false, false, 0, 8, 8, 1, a, 0, 8, b, 0, 8, 0, c, 0, 8); // m = 0 touches nothing
        Gemm.dgemm(false, false, 8, 0, 8, 1, a, 0, 8, b, 0, 1, 0, c, 0, 1); // n = 0 neither
        assertArrayEquals(before, c);
        double[] nanA = new double[64], nanB = new double[64];
        Arrays.fill(nanA, Double.NaN);
        Arrays.fill(nanB, Double.NaN);
        Gemm.dgemm(false, false, 8, 8, 8, 0, nanA, 0, 8, nanB, 0, 8, 0.5, c, 0, 8); // alpha = 0 reads neither A nor B
        for (int i = 0; i < 64; i++) {
            assertEquals(0.5 * before[i], c[i]);
        }
        Gemm.dgemm(false, false, 8, 8, 0, 1, a, 0, 1, b, 0, 8, 2, c, 0, 8); // k = 0: C := beta·C
        for (int i = 0; i < 64; i++) {
            assertEquals(before[i], c[i]);
        }
        double[] nanC = new double[64];
        Arrays.fill(nanC, Double.NaN);
        Gemm.dgemm(8, 8, 8, a, b, nanC); // beta = 0 never reads C
        for (double x : nanC) {
            assertTrue(Double.isFinite(x));
        }
        double[] withNan = a.clone(), withInf = a.clone();
        withNan[3 * 8 + 2] = Double.NaN; // row 3 of A
        withInf[5 * 8 + 1] = Double.POSITIVE_INFINITY; // row 5
        double[] out = new double[64], outInf = new double[64];
        Gemm.dgemm(8, 8, 8, withNan, b, out);
        Gemm.dgemm(8, 8, 8, withInf, b, outInf);
        for (int j = 0; j < 8; j++) {
            assertTrue(Double.isNaN(out[3 * 8 + j]));
            assertTrue(Double.isFinite(out[2 * 8 + j]));
            assertTrue(Double.isInfinite(outInf[5 * 8 + j]), "±Inf times a finite nonzero b"); // b has no zeros
            assertTrue(Double.isFinite(outInf[4 * 8 + j]));
        }
    }

    @Test
    void oneAndTwoThreadsAreBitwiseAlike() {
        SplittableRandom rnd = new SplittableRandom(9);
        int before = Threads.count();
        try {
            for (int t = 0; t < 4; t++) {
                int m = 100 + rnd.nextInt(300), n = 100 + rnd.nextInt(300), k = 100 + rnd.nextInt(300);
                double[] a = DoubleEpilogueCase.random(rnd, m * k), b = DoubleEpilogueCase.random(rnd, k * n), c1 = DoubleEpilogueCase.random(rnd, m * n), c2 = c1.clone();
                Threads.set(1);
                Gemm.dgemm(false, t % 2 == 1, m, n, k, 0.5, a, 0, k, b, 0, t % 2 == 1 ? k : n, 1, c1, 0, n);
                Threads.set(2);
                Gemm.dgemm(false, t % 2 == 1, m, n, k, 0.5, a, 0, k, b, 0, t % 2 == 1 ? k : n, 1, c2, 0, n);
                assertArrayEquals(c1, c2, m + "x" + n + "x" + k);
            }
        } finally {
            Threads.set(before);
        }
    }

    /** The epilogue, the column sums and a packed B: each bitwise the plain call followed by the plain loop. */
    @Test
    void epilogueColumnSumsAndPackedBAreThePlainCall() {
        SplittableRandom rnd = new SplittableRandom(17);
        int[] edges = SgemmShapesTest.EDGES;
        for (int t = 0; t < 60; t++) {
            int m = t % 6 == 0 ? 1 : edges[rnd.nextInt(edges.length)], n = edges[rnd.nextInt(edges.length)];
            int k = edges[rnd.nextInt(edges.length)];
            boolean transA = rnd.nextBoolean(), transB = rnd.nextBoolean(), relu = rnd.nextBoolean();
            int lda = transA ? m : k, ldb = transB ? k : n;
            double alpha = rnd.nextBoolean() ? 1 : 0.75, beta = t % 3 == 0 ? 0 : 0.5;
            double[] a = DoubleEpilogueCase.random(rnd, m * k), b = DoubleEpilogueCase.random(rnd, k * n), c0 = DoubleEpilogueCase.random(rnd, m * n), bias = DoubleEpilogueCase.random(rnd, n + 2);
            double[] plain = c0.clone();
            Gemm.dgemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, plain, 0, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double v = plain[i * n + j] + bias[2 + j];
                    plain[i * n + j] = relu ? Math.max(v, 0) : v;
                }
            }
            DoubleEpilogue epilogue = relu ? DoubleEpilogue.bias(bias, 2).withRelu() : DoubleEpilogue.bias(bias, 2);
            double[] fused = c0.clone(), packed = c0.clone();
            Gemm.dgemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, fused, 0, n, epilogue);
            String what = (transA ? "T" : "N") + (transB ? "T" : "N") + " " + m + "x" + n + "x" + k + " relu " + relu;
            assertArrayEquals(plain, fused, what + ": fused epilogue");
            DoublePackedMatrix bp = Gemm.packB(transB, k, n, b, 0, ldb);
            assertEquals(k, bp.rows());
            assertEquals(n, bp.columns());
            Gemm.dgemm(transA, m, alpha, a, 0, lda, bp, beta, packed, 0, n, epilogue);
            assertArrayEquals(plain, packed, what + ": packed B");
            double[] withSums = c0.clone(), sums = DoubleEpilogueCase.random(rnd, n), want = sums.clone(), unfused = c0.clone();
            Gemm.dgemmWithColumnSums(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, withSums, 0, n, sums, 0, true);
            Gemm.dgemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, unfused, 0, n);
            if (m > 1) { // one row without sums takes the row path, which adds in another order
                assertArrayEquals(unfused, withSums, what + ": the product beside the sums");
            }
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    want[j] += b[transB ? j * ldb + p : p * ldb + j];
                }
            }
            assertArrayEquals(want, sums, what + ": column sums in order of p");
        }
        double[] c = new double[12];
        Arrays.fill(c, POISON);
        assertMessage(IllegalArgumentException.class, "bias is too short", () -> Gemm.dgemm(false, false, 3, 4, 3, 1,
                new double[9], 0, 3, new double[12], 0, 4, 0, c, 0, 4, DoubleEpilogue.bias(new double[3])));
        DoublePackedMatrix bp = Gemm.packB(false, 3, 4, new double[12], 0, 4);
        assertMessage(IllegalArgumentException.class, "a is too short", () -> Gemm.dgemm(false, 3, 1, new double[8], 0, 3, bp,
                0, c, 0, 4, DoubleEpilogue.NONE));
        for (double x : c) {
            assertEquals(POISON, x);
        }
    }

    private static <T extends Throwable> void assertMessage(Class<T> type, String part, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(part), e.getMessage());
    }
}
