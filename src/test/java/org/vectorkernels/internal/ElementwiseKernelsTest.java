package org.vectorkernels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The activation and softmax kernels of the running JVM's implementation (512-bit, AVX2 or
 * scalar, by build execution) against double-precision references, at lengths around every
 * vector width, with poisoned padding past n that must stay untouched.
 */
class ElementwiseKernelsTest {
    private static final Kernels K = VectorizationProvider.kernels();
    private static final int[] SIZES = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257};
    private static final int PAD = 19;
    private static final float POISON = -7777f;

    @Test
    void reluAndItsBackward() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n : SIZES) {
            float[] x = random(rnd, n), y = poisoned(n), dout = random(rnd, n), dx = poisoned(n);
            x[0] = 0f; // x = 0 is masked, as x <= 0 says
            boolean[] mask = new boolean[n + PAD];
            Arrays.fill(mask, n, n + PAD, true);
            K.relu(n, x, y, mask);
            K.reluBackward(n, dout, mask, dx);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i] <= 0f, mask[i], "mask[" + i + "], n = " + n);
                assertEquals(x[i] <= 0f ? 0f : x[i], y[i], "y[" + i + "], n = " + n);
                assertEquals(x[i] <= 0f ? 0f : dout[i], dx[i], "dx[" + i + "], n = " + n);
            }
            assertPadding(y, n);
            assertPadding(dx, n);
            for (int i = n; i < n + PAD; i++) {
                assertTrue(mask[i], "mask past n written, n = " + n);
            }
            K.relu(n, x, y, null); // no mask: inference
        }
    }

    @Test
    void sigmoidAndItsBackward() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n : SIZES) {
            float[] x = random(rnd, n), y = poisoned(n), dout = random(rnd, n), dx = poisoned(n);
            x[n - 1] = n % 2 == 0 ? 95f : -95f; // saturates without NaN
            K.sigmoid(n, x, y);
            K.sigmoidBackward(n, dout, y, dx);
            for (int i = 0; i < n; i++) {
                double ref = 1 / (1 + Math.exp(-(double) x[i]));
                assertEquals(ref, y[i], 2e-7 + 1e-6 * ref, "y[" + i + "], n = " + n);
                double dref = (double) dout[i] * (1 - y[i]) * y[i];
                assertEquals(dref, dx[i], 1e-6 * Math.abs(dref) + 1e-9, "dx[" + i + "], n = " + n);
            }
            assertPadding(y, n);
            assertPadding(dx, n);
        }
    }

    @Test
    void softmaxRowsIsStableAndRight() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : SIZES) {
            int m = 3;
            float[] x = random(rnd, m * n), y = poisoned(m * n);
            double[] lse = new double[m + PAD];
            Arrays.fill(lse, POISON);
            for (int j = 0; j < n; j++) {
                x[n + j] *= 1e4f;           // row 1: exp overflows without the max subtracted
                x[2 * n + j] = 3e37f * (j % 3 - 1); // row 2: near the float range
            }
            K.softmaxRows(m, n, x, y, lse);
            for (int r = 0; r < m; r++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, x[r * n + j]);
                }
                for (int j = 0; j < n; j++) {
                    sum += Math.exp(x[r * n + j] - max);
                }
                for (int j = 0; j < n; j++) {
                    double ref = Math.exp(x[r * n + j] - max) / sum;
                    assertEquals(ref, y[r * n + j], 1e-6 * ref + 1e-7, "y(" + r + ", " + j + "), n = " + n);
                }
                double lseRef = max + Math.log(sum);
                assertEquals(lseRef, lse[r], 1e-6 * Math.abs(lseRef) + 1e-6, "logSumExp[" + r + "], n = " + n);
            }
            assertPadding(y, m * n);
            for (int i = m; i < lse.length; i++) {
                assertEquals(POISON, lse[i], "logSumExp[" + i + "] past m = " + m + " was written");
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-6, 6);
        }
        return a;
    }

    private static float[] poisoned(int n) {
        float[] a = new float[n + PAD];
        Arrays.fill(a, POISON);
        return a;
    }

    private static void assertPadding(float[] a, int n) {
        for (int i = n; i < a.length; i++) {
            assertEquals(POISON, a[i], "element " + i + " past n = " + n + " was written");
        }
    }
}
