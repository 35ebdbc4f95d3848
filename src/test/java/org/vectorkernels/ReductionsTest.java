package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.SgemmContract;

/**
 * sumRows and the fused column sums of sgemmWithColumnSums: bitwise equal to a plain loop that
 * adds rows in order (so deterministic, and the same on every kernel and vector width), within
 * float rounding of a double-precision sum, padding untouched.
 */
class ReductionsTest {
    static final float POISON = GemmCase.POISON;

    @Test
    void sumRowsIsThePlainRowOrderSum() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int t = 0; t < 400; t++) {
            int m = pick(rnd), n = pick(rnd), xOffset = rnd.nextInt(5), ldx = n + rnd.nextInt(5);
            int outOffset = rnd.nextInt(5);
            boolean accumulate = rnd.nextBoolean();
            float[] x = new float[xOffset + m * ldx + 3];
            Arrays.fill(x, POISON);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    x[xOffset + i * ldx + j] = (float) (rnd.nextDouble() * 2 - 1);
                }
            }
            float[] out = new float[outOffset + n + 2];
            Arrays.fill(out, POISON);
            for (int j = 0; j < n; j++) {
                out[outOffset + j] = (float) rnd.nextDouble();
            }
            float[] expected = out.clone();
            double[] exact = new double[n];
            double[] magnitude = new double[n];
            for (int j = 0; j < n; j++) {
                float s = accumulate ? expected[outOffset + j] : 0f;
                exact[j] = s;
                magnitude[j] = Math.abs(s);
                for (int i = 0; i < m; i++) {
                    float v = x[xOffset + i * ldx + j];
                    s += v;
                    exact[j] += v;
                    magnitude[j] += Math.abs(v);
                }
                expected[outOffset + j] = s;
            }
            Reductions.sumRows(m, n, x, xOffset, ldx, out, outOffset, accumulate);
            assertArrayEquals(expected, out, "m=" + m + " n=" + n);
            for (int j = 0; j < n; j++) {
                double err = Math.abs(out[outOffset + j] - exact[j]);
                assertTrue(err <= (m + 1) * GemmCase.EPS * magnitude[j], "column " + j + " error " + err);
            }
        }
    }

    /** In double: the plain row-order sum, bitwise (rows added in order), padding untouched, past the split over threads. */
    @Test
    void sumRowsInDoubleIsThePlainRowOrderSum() {
        SplittableRandom rnd = new SplittableRandom(37);
        for (int t = 0; t < 201; t++) {
            int m = t == 200 ? 1200 : pick(rnd), n = t == 200 ? 1000 : pick(rnd);
            int xOffset = rnd.nextInt(5), ldx = n + rnd.nextInt(5), outOffset = rnd.nextInt(5);
            boolean accumulate = rnd.nextBoolean();
            double[] x = new double[xOffset + m * ldx + 3];
            Arrays.fill(x, POISON);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    x[xOffset + i * ldx + j] = rnd.nextDouble(-1, 1);
                }
            }
            double[] out = new double[outOffset + n + 2];
            Arrays.fill(out, POISON);
            for (int j = 0; j < n; j++) {
                out[outOffset + j] = rnd.nextDouble();
            }
            double[] expected = out.clone();
            for (int j = 0; j < n; j++) {
                double s = accumulate ? expected[outOffset + j] : 0;
                for (int i = 0; i < m; i++) {
                    s += x[xOffset + i * ldx + j];
                }
                expected[outOffset + j] = s;
            }
            Reductions.sumRows(m, n, x, xOffset, ldx, out, outOffset, accumulate);
            assertArrayEquals(expected, out, m + "x" + n);
        }
        double[] out = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reductions.sumRows(2, 3, new double[5], 0, 3, out, 0, false));
        assertTrue(e.getMessage().contains("x is too short"), e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, out);
    }

    @Test
    void fusedColumnSumsThroughGemm() {
        checkFusedSums((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, sums, so, acc) ->
                Gemm.sgemmWithColumnSums(ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, sums, so, acc));
    }

    @Test
    void fusedColumnSumsThroughScalarKernels() {
        ScalarKernels scalar = new ScalarKernels("test");
        checkFusedSums((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, sums, so, acc) ->
                SgemmContract.apply(scalar, ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc,
                        null, 0, false, sums, so, acc));
    }

    interface FusedSums {
        void run(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int ao, int lda,
                 float[] b, int bo, int ldb, float beta, float[] c, int co, int ldc,
                 float[] sums, int sumsOffset, boolean accumulate);
    }

    /** C as accurate as plain sgemm; sums bitwise the in-order sums of op(B)'s columns. */
    static void checkFusedSums(FusedSums f) {
        SplittableRandom rnd = new SplittableRandom(37);
        for (int t = 0; t < 150; t++) {
            int m = t % 19 == 0 ? 0 : pick(rnd), n = pick(rnd), k = pick(rnd);
            float alpha = t % 11 == 0 ? 0f : 1f;
            GemmCase g = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, alpha, 0.5f, 4);
            boolean accumulate = rnd.nextBoolean();
            int so = rnd.nextInt(3);
            float[] sums = new float[so + n + 1];
            Arrays.fill(sums, POISON);
            for (int j = 0; j < n; j++) {
                sums[so + j] = (float) rnd.nextDouble();
            }
            float[] expected = sums.clone();
            for (int j = 0; j < n; j++) {
                float s = accumulate ? expected[so + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s += g.b(p, j);
                }
                expected[so + j] = s;
            }
            g.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    f.run(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, sums, so, accumulate));
            g.check();
            assertArrayEquals(expected, sums, g.toString());
        }
    }

    @Test
    void badArgumentsAreNamedAndNothingIsWritten() {
        float[] out = {1f, 2f, 3f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reductions.sumRows(2, 3, new float[5], 0, 3, out, 0, false));
        assertTrue(e.getMessage().startsWith("x "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Reductions.sumRows(2, 3, new float[6], 0, 3, out, 1, false));
        assertTrue(e.getMessage().startsWith("out "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Reductions.sumRows(2, 3, new float[6], 0, 2, out, 0, false));
        assertTrue(e.getMessage().startsWith("ldx "), e.getMessage());
        assertArrayEquals(new float[] {1f, 2f, 3f}, out);
        float[] c = {9f, 9f};
        float[] sums = {4f};
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.sgemmWithColumnSums(false, false, 1, 2, 1, 1f,
                new float[1], 0, 1, new float[2], 0, 2, 0f, c, 0, 2, sums, 0, false));
        assertTrue(e.getMessage().startsWith("sums "), e.getMessage());
        assertArrayEquals(new float[] {9f, 9f}, c);
        assertEquals(4f, sums[0]);
        assertThrows(NullPointerException.class, () -> Gemm.sgemmWithColumnSums(false, false, 1, 2, 1, 1f,
                new float[1], 0, 1, new float[2], 0, 2, 0f, c, 0, 2, null, 0, false));
    }

    private static int pick(SplittableRandom rnd) {
        return SgemmShapesTest.EDGES[rnd.nextInt(SgemmShapesTest.EDGES.length)];
    }
}
