// GENERATED from src/test/java/org/vectorkernels/PackedSgemmTest.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.doubles;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.DgemmContract;
import org.vectorkernels.internal.scalar.ScalarKernels;

/**
 * {@link Gemm#packB} and the dgemm on a {@link DoublePackedMatrix}: bitwise the unpacked call on every
 * path (m = 1, small, blocked, k past one block, split over threads), right against the double
 * reference, a copy, shared safely, checked before anything is written, allocation-free once warm.
 */
class PackedDgemmTest {
    private static final int[] M = {1, 2, 3, 7, 8, 9, 16, 17, 33, 64, 100};
    private static final int[] N = {1, 2, 15, 16, 17, 31, 32, 33, 47, 64, 100, 129};
    private static final int[] K = {1, 3, 16, 17, 100, 511, 513, 1100};
    private static final double[] ALPHA = {1d, 0.7d, 0d};
    private static final double[] BETA = {0d, 1d, 1.3d};

    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    @Test
    void packedCallIsBitwiseTheUnpackedCallForEveryPathAndThreadCount() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int t = 0; t < 120; t++) {
            DoubleGemmCase base = new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), pick(rnd, M), pick(rnd, N), pick(rnd, K),
                    pick(rnd, ALPHA), pick(rnd, BETA), 4);
            double[] bias = doubles(rnd, base.n + 2);
            DoubleEpilogue e = switch (t % 3) {
                case 0 -> DoubleEpilogue.NONE;
                case 1 -> DoubleEpilogue.bias(bias, 2);
                default -> DoubleEpilogue.bias(bias, 1).withRelu();
            };
            DoublePackedMatrix packed = Gemm.packB(base.transB, base.k, base.n, base.b, base.bOffset, base.ldb);
            for (int threads : new int[] {1, 2, 3}) {
                Parallelism.setThreads(threads);
                DoubleGemmCase unpacked = base.copy(), viaPacked = base.copy();
                unpacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                        Gemm.dgemm(ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e));
                viaPacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                        Gemm.dgemm(ta, m, al, a, ao, lda, packed, be, c, co, ldc, e));
                assertArrayEquals(Bits.of(unpacked.c()), Bits.of(viaPacked.c()), base + ", " + e + ", " + threads + " threads");
                if (e == DoubleEpilogue.NONE) {
                    viaPacked.check(); // right, and C's padding untouched
                }
            }
        }
    }

    @Test
    void scalarKernelsPackToo() {
        ScalarKernels scalar = new ScalarKernels("test");
        SplittableRandom rnd = new SplittableRandom(17);
        for (int t = 0; t < 40; t++) {
            DoubleGemmCase base = new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), pick(rnd, M), pick(rnd, N), pick(rnd, K),
                    pick(rnd, ALPHA), pick(rnd, BETA), 4);
            DoublePackedOperand packed = DgemmContract.pack(scalar, base.transB, base.k, base.n, base.b, base.bOffset, base.ldb);
            DoubleGemmCase unpacked = base.copy(), viaPacked = base.copy();
            unpacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    DgemmContract.apply(scalar, ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, null, 0, false, null, 0, false));
            viaPacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    DgemmContract.apply(scalar, ta, m, al, a, ao, lda, packed, be, c, co, ldc, null, 0, false));
            assertArrayEquals(Bits.of(unpacked.c()), Bits.of(viaPacked.c()), base.toString());
            viaPacked.check();
        }
    }

    @Test
    void aPackedMatrixIsACopyWithItsShapeAndSize() {
        SplittableRandom rnd = new SplittableRandom(18);
        int k = 37, n = 70;
        for (boolean transB : new boolean[] {false, true}) {
            for (int m : new int[] {5, 1}) { // m = 1 reads B as stored where the packed B keeps it
                double[] a = doubles(rnd, m * k), b = doubles(rnd, k * n), before = new double[m * n], after = new double[m * n];
                DoublePackedMatrix packed = Gemm.packB(transB, k, n, b, 0, transB ? k : n);
                Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, before, 0, n, DoubleEpilogue.NONE);
                java.util.Arrays.fill(b, 3d);
                Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, after, 0, n, DoubleEpilogue.NONE);
                assertArrayEquals(before, after, "a write to b after packing changed the packed matrix, transB " + transB);
                assertEquals(k, packed.rows());
                assertEquals(n, packed.columns());
                // Panels pad n to at most 64 columns; packed from n×k, B is also kept as stored.
                long most = 4L * k * ((transB ? 2 * n : n) + 64) + 512;
                assertTrue(packed.sizeInBytes() >= 4L * k * n && packed.sizeInBytes() <= most, packed + " for " + k + "×" + n);
                assertTrue(packed.toString().contains(k + "×" + n), packed.toString());
            }
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeCIsWritten() {
        SplittableRandom rnd = new SplittableRandom(19);
        int m = 6, k = 40, n = 24;
        double[] a = doubles(rnd, m * k), b = doubles(rnd, k * n), c = doubles(rnd, m * n), bias = doubles(rnd, n);
        double[] cBefore = c.clone();
        DoublePackedMatrix packed = Gemm.packB(false, k, n, b, 0, n);
        DoublePackedMatrix deeper = Gemm.packB(false, k + 8, n, doubles(rnd, (k + 8) * n), 0, n);
        expect(NullPointerException.class, "b", () -> Gemm.packB(false, k, n, (double[]) null, 0, n));
        expect(IllegalArgumentException.class, "k", () -> Gemm.packB(false, -1, n, b, 0, n));
        expect(IllegalArgumentException.class, "ldb", () -> Gemm.packB(false, k, n, b, 0, n - 1));
        expect(IllegalArgumentException.class, "b is too short", () -> Gemm.packB(true, k, n + 1, b, 0, k));
        expect(IllegalArgumentException.class, "bOffset", () -> Gemm.packB(false, k, n, b, -1, n));
        // A packed B of another depth than A's rows: named, with the k it brought.
        expect(IllegalArgumentException.class, "packed b", () -> Gemm.dgemm(false, m, 1d, a, 0, k, deeper, 0d, c, 0, n, DoubleEpilogue.NONE));
        expect(IllegalArgumentException.class, "packed b", () -> Gemm.dgemm(true, m, 1d, a, 0, m, deeper, 0d, c, 0, n, DoubleEpilogue.NONE));
        expect(NullPointerException.class, "b", () -> Gemm.dgemm(false, m, 1d, a, 0, k, null, 0d, c, 0, n, DoubleEpilogue.NONE));
        expect(NullPointerException.class, "a", () -> Gemm.dgemm(false, m, 1d, null, 0, k, packed, 0d, c, 0, n, DoubleEpilogue.NONE));
        expect(IllegalArgumentException.class, "ldc", () -> Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, c, 0, n - 1, DoubleEpilogue.NONE));
        expect(IllegalArgumentException.class, "c is too short", () -> Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d,
                java.util.Arrays.copyOf(c, m * n - 1), 0, n, DoubleEpilogue.NONE));
        expect(IllegalArgumentException.class, "m", () -> Gemm.dgemm(false, -1, 1d, a, 0, k, packed, 0d, c, 0, n, DoubleEpilogue.NONE));
        expect(IllegalArgumentException.class, "bias", () -> Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, c, 0, n, DoubleEpilogue.bias(bias, 1)));
        expect(NullPointerException.class, "epilogue", () -> Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, c, 0, n, null));
        Kernels other = new ScalarKernels("another");
        DoublePackedOperand foreign = DgemmContract.pack(other, false, k, n, b, 0, n);
        expect(IllegalArgumentException.class, "packed by other kernels", () -> DgemmContract.apply(
                new ScalarKernels("these"), false, m, 1d, a, 0, k, foreign, 0d, c, 0, n, null, 0, false));
        assertArrayEquals(Bits.of(cBefore), Bits.of(c), "C was written by a call that was rejected");
    }

    @Test
    void threadsSharingOnePackedMatrixGetTheSameBits() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20);
        int m = 40, k = 300, n = 90;
        double[] a = doubles(rnd, m * k), b = doubles(rnd, k * n), expected = new double[m * n];
        DoublePackedMatrix packed = Gemm.packB(false, k, n, b, 0, n);
        Gemm.dgemm(false, false, m, n, k, 1d, a, 0, k, b, 0, n, 0d, expected, 0, n);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                results.add(pool.submit(() -> {
                    double[] c = new double[m * n];
                    for (int r = 0; r < 20; r++) {
                        Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0d, c, 0, n, DoubleEpilogue.NONE);
                    }
                    return c;
                }));
            }
            for (Future<double[]> f : results) {
                assertArrayEquals(Bits.of(expected), Bits.of(f.get()));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void warmCallsOnAPlatformThreadAllocateNothing() {
        Parallelism.setThreads(1);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom rnd = new SplittableRandom(21);
        int[][] shapes = {{1, 300, 200}, {64, 300, 200}, {3, 20, 32}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = doubles(rnd, m * k), c = new double[m * n], bias = doubles(rnd, n);
            DoublePackedMatrix packed = Gemm.packB(true, k, n, doubles(rnd, k * n), 0, k);
            DoubleEpilogue e = DoubleEpilogue.bias(bias).withRelu();
            // Warm means compiled by C2, which takes longer for some paths than others: rounds until one
            // allocates nothing, for up to 30 s (CI once measured 50 KB per 3×20×32 call after 40 rounds,
            // about what a kernel not yet compiled allocates boxing its vectors; a rerun passed).
            long perCall = Long.MAX_VALUE, deadline = System.nanoTime() + 30_000_000_000L;
            for (int round = 0; perCall >= 64 && (round < 40 || System.nanoTime() < deadline); round++) {
                long id = Thread.currentThread().threadId(), before = mx.getThreadAllocatedBytes(id);
                for (int i = 0; i < 500; i++) {
                    Gemm.dgemm(false, m, 1d, a, 0, k, packed, 0.5d, c, 0, n, e);
                }
                perCall = (mx.getThreadAllocatedBytes(id) - before) / 500;
            }
            assertTrue(perCall < 64, m + "×" + k + "×" + n + ": warm calls still allocated " + perCall + " bytes each");
        }
    }

    private static void expect(Class<? extends RuntimeException> type, String inMessage, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(String.valueOf(e.getMessage()).contains(inMessage), "message '" + e.getMessage() + "' lacks '" + inMessage + "'");
    }

    private static int pick(SplittableRandom rnd, int[] from) {
        return from[rnd.nextInt(from.length)];
    }

    private static double pick(SplittableRandom rnd, double[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
