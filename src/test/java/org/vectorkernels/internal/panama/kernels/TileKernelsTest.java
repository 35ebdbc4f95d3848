package org.vectorkernels.internal.panama.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vectorkernels.ExactSum;

/**
 * Every generated micro-kernel of both element types on its own, against a double-double
 * reference: random data (no zeros) in each kernel's layout of A and of B, k steps on each side of
 * the lane counts and primes, the tile stored into a larger buffer whose other cells must keep
 * their poison. The error bound is 2·kc·u·Σ|a·b| with u the kernel's unit roundoff, so a double
 * kernel that lost a term or summed in float would fail. (The twins on a MemorySegment are covered
 * through the whole product, in {@code EveryTileTest}, for float.)
 */
class TileKernelsTest {
    private static final int[] KCS = {1, 2, 3, 7, 8, 9, 16, 17, 31, 101};
    private static final double POISON = -12345.5; // exact in float and double; no product of the data is near it

    /** A kernel of either element type, seen through double arrays (float data is exact in double). */
    interface Kernel {
        int rows();

        int vectors();

        int panelVectors();

        String layout();

        int lanes();

        /** The unit roundoff of the kernel's arithmetic. */
        double unit();

        void compute(int kc, double[] a, int aIdx, int lda, int aStep, double[] b, int bIdx, int ldb, double[] out, int outIdx, int ldo);
    }

    @TestFactory
    List<DynamicTest> everyKernelAgainstTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FloatTileKernel k : FloatTileKernels.all()) {
            tests.add(DynamicTest.dynamicTest(k.getClass().getSimpleName(), () -> check(new OfFloat(k))));
        }
        for (DoubleTileKernel k : DoubleTileKernels.all()) {
            tests.add(DynamicTest.dynamicTest(k.getClass().getSimpleName(), () -> check(new OfDouble(k))));
        }
        return tests;
    }

    private static void check(Kernel k) {
        SplittableRandom rnd = new SplittableRandom(k.toString().hashCode());
        int rows = k.rows(), cols = k.vectors() * k.lanes(), pv = k.panelVectors();
        for (int kc : KCS) {
            double[][] x = new double[rows][kc], y = new double[kc][cols];
            for (double[] row : x) {
                fill(rnd, row);
            }
            for (double[] row : y) {
                fill(rnd, row);
            }
            // A in the kernel's layout, from an offset, rows and steps apart as its callers lay them.
            int aIdx = 1 + rnd.nextInt(5), lda, aStep = 1;
            double[] a;
            switch (k.layout()) {
                case "rows" -> {
                    lda = kc + rnd.nextInt(4);
                    a = poisoned(aIdx + rows * lda);
                    for (int s = 0; s < rows; s++) {
                        System.arraycopy(x[s], 0, a, aIdx + s * lda, kc);
                    }
                }
                case "stepped" -> {
                    lda = 1;
                    aStep = rows + rnd.nextInt(4);
                    a = poisoned(aIdx + kc * aStep);
                    for (int s = 0; s < rows; s++) {
                        for (int p = 0; p < kc; p++) {
                            a[aIdx + s + p * aStep] = x[s][p];
                        }
                    }
                }
                case "interleaved" -> {
                    lda = 1;
                    a = poisoned(aIdx + kc * rows);
                    for (int s = 0; s < rows; s++) {
                        for (int p = 0; p < kc; p++) {
                            a[aIdx + p * rows + s] = x[s][p];
                        }
                    }
                }
                default -> throw new AssertionError(k.layout());
            }
            // B in panels of pv vectors, kc steps each, adjacent; or (pv 0) in rows ldb apart.
            int bIdx = 1 + rnd.nextInt(5), ldb = pv == 0 ? cols + rnd.nextInt(4) : 0, panel = pv * k.lanes();
            int panels = pv == 0 ? 1 : Math.ceilDiv(k.vectors(), pv);
            double[] b = poisoned(bIdx + (pv == 0 ? kc * ldb : panels * kc * panel));
            for (int p = 0; p < kc; p++) {
                for (int j = 0; j < cols; j++) {
                    int at = pv == 0 ? p * ldb + j : (j / panel) * kc * panel + p * panel + j % panel;
                    b[bIdx + at] = y[p][j];
                }
            }
            int outIdx = 1 + rnd.nextInt(3), ldo = cols + rnd.nextInt(4);
            double[] out = poisoned(outIdx + rows * ldo + 2);
            k.compute(kc, a, aIdx, lda, aStep, b, bIdx, ldb, out, outIdx, ldo);
            for (int i = 0; i < out.length; i++) {
                int r = (i - outIdx) / ldo, j = (i - outIdx) % ldo;
                boolean inTile = i >= outIdx && r < rows && j < cols;
                if (!inTile) {
                    assertEquals(POISON, out[i], k + " kc " + kc + ": wrote outside its tile at " + i);
                    continue;
                }
                double[] ref = dotExact(x[r], y, j);
                double bound = 2 * kc * k.unit() * ref[1];
                assertTrue(Math.abs(out[i] - ref[0]) <= bound, k + " kc " + kc + " (" + r + ", " + j + "): " + out[i]
                        + " against " + ref[0] + ", bound " + bound);
            }
        }
    }

    /** Row x of A times column j of B, exactly enough ({@link ExactSum}), and Σ|a·b|. */
    private static double[] dotExact(double[] x, double[][] y, int j) {
        ExactSum sum = new ExactSum();
        for (int p = 0; p < x.length; p++) {
            sum.addProduct(x[p], y[p][j]);
        }
        return new double[] {sum.value(), sum.magnitude()};
    }

    /** Random floats, exact in double too, away from zero. */
    private static void fill(SplittableRandom rnd, double[] row) {
        for (int i = 0; i < row.length; i++) {
            float v = (float) (rnd.nextDouble(0.125, 1.0) * (rnd.nextBoolean() ? 1 : -1));
            row[i] = v;
        }
    }

    private static double[] poisoned(int length) {
        double[] x = new double[length];
        java.util.Arrays.fill(x, POISON);
        return x;
    }

    private record OfFloat(FloatTileKernel k) implements Kernel {
        public int rows() { return k.rows(); }

        public int vectors() { return k.vectors(); }

        public int panelVectors() { return k.panelVectors(); }

        public String layout() { return k.layout(); }

        public int lanes() { return FloatVector.SPECIES_PREFERRED.length(); }

        public double unit() { return Math.ulp(1f) / 2; }

        public void compute(int kc, double[] a, int aIdx, int lda, int aStep, double[] b, int bIdx, int ldb, double[] out, int outIdx, int ldo) {
            float[] o = toFloat(out);
            k.compute(kc, toFloat(a), aIdx, lda, aStep, toFloat(b), bIdx, ldb, o, outIdx, ldo);
            for (int i = 0; i < o.length; i++) {
                out[i] = o[i];
            }
        }

        private static float[] toFloat(double[] x) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = (float) x[i];
            }
            return f;
        }

        @Override
        public String toString() { return "float " + k; }
    }

    private record OfDouble(DoubleTileKernel k) implements Kernel {
        public int rows() { return k.rows(); }

        public int vectors() { return k.vectors(); }

        public int panelVectors() { return k.panelVectors(); }

        public String layout() { return k.layout(); }

        public int lanes() { return DoubleVector.SPECIES_PREFERRED.length(); }

        public double unit() { return Math.ulp(1d) / 2; }

        public void compute(int kc, double[] a, int aIdx, int lda, int aStep, double[] b, int bIdx, int ldb, double[] out, int outIdx, int ldo) {
            k.compute(kc, a, aIdx, lda, aStep, b, bIdx, ldb, out, outIdx, ldo);
        }

        @Override
        public String toString() { return "double " + k; }
    }
}
