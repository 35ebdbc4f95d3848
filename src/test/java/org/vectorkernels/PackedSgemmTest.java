package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.floats;

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
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.scalar.ScalarKernels;

/**
 * {@link Gemm#packB} and the sgemm on a {@link PackedMatrix}: bitwise the unpacked call on every
 * path (m = 1, small, blocked, k past one block, split over threads), right against the double
 * reference, a copy, shared safely, checked before anything is written, allocation-free once warm.
 */
class PackedSgemmTest {
    private static final int[] M = {1, 2, 3, 7, 8, 9, 16, 17, 33, 64, 100};
    private static final int[] N = {1, 2, 15, 16, 17, 31, 32, 33, 47, 64, 100, 129};
    private static final int[] K = {1, 3, 16, 17, 100, 511, 513, 1100};
    private static final float[] ALPHA = {1f, 0.7f, 0f};
    private static final float[] BETA = {0f, 1f, 1.3f};

    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    @Test
    void packedCallIsBitwiseTheUnpackedCallForEveryPathAndThreadCount() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int t = 0; t < 120; t++) {
            GemmCase base = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), pick(rnd, M), pick(rnd, N), pick(rnd, K),
                    pick(rnd, ALPHA), pick(rnd, BETA), 4);
            float[] bias = floats(rnd, base.n + 2);
            Epilogue e = switch (t % 3) {
                case 0 -> Epilogue.NONE;
                case 1 -> Epilogue.bias(bias, 2);
                default -> Epilogue.bias(bias, 1).withRelu();
            };
            PackedMatrix packed = Gemm.packB(base.transB, base.k, base.n, base.b, base.bOffset, base.ldb);
            for (int threads : new int[] {1, 2, 3}) {
                Parallelism.setThreads(threads);
                GemmCase unpacked = base.copy(), viaPacked = base.copy();
                unpacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                        Gemm.sgemm(ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e));
                viaPacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                        Gemm.sgemm(ta, m, al, a, ao, lda, packed, be, c, co, ldc, e));
                assertArrayEquals(Bits.of(unpacked.c()), Bits.of(viaPacked.c()), base + ", " + e + ", " + threads + " threads");
                if (e == Epilogue.NONE) {
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
            GemmCase base = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), pick(rnd, M), pick(rnd, N), pick(rnd, K),
                    pick(rnd, ALPHA), pick(rnd, BETA), 4);
            PackedOperand packed = SgemmContract.pack(scalar, base.transB, base.k, base.n, base.b, base.bOffset, base.ldb);
            GemmCase unpacked = base.copy(), viaPacked = base.copy();
            unpacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    SgemmContract.apply(scalar, ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, null, 0, false, null, 0, false));
            viaPacked.run((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    SgemmContract.apply(scalar, ta, m, al, a, ao, lda, packed, be, c, co, ldc, null, 0, false));
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
                float[] a = floats(rnd, m * k), b = floats(rnd, k * n), before = new float[m * n], after = new float[m * n];
                PackedMatrix packed = Gemm.packB(transB, k, n, b, 0, transB ? k : n);
                Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, before, 0, n, Epilogue.NONE);
                java.util.Arrays.fill(b, 3f);
                Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, after, 0, n, Epilogue.NONE);
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
        float[] a = floats(rnd, m * k), b = floats(rnd, k * n), c = floats(rnd, m * n), bias = floats(rnd, n);
        float[] cBefore = c.clone();
        PackedMatrix packed = Gemm.packB(false, k, n, b, 0, n);
        PackedMatrix deeper = Gemm.packB(false, k + 8, n, floats(rnd, (k + 8) * n), 0, n);
        expect(NullPointerException.class, "b", () -> Gemm.packB(false, k, n, (float[]) null, 0, n));
        expect(IllegalArgumentException.class, "k", () -> Gemm.packB(false, -1, n, b, 0, n));
        expect(IllegalArgumentException.class, "ldb", () -> Gemm.packB(false, k, n, b, 0, n - 1));
        expect(IllegalArgumentException.class, "b is too short", () -> Gemm.packB(true, k, n + 1, b, 0, k));
        expect(IllegalArgumentException.class, "bOffset", () -> Gemm.packB(false, k, n, b, -1, n));
        // A packed B of another depth than A's rows: named, with the k it brought.
        expect(IllegalArgumentException.class, "packed b", () -> Gemm.sgemm(false, m, 1f, a, 0, k, deeper, 0f, c, 0, n, Epilogue.NONE));
        expect(IllegalArgumentException.class, "packed b", () -> Gemm.sgemm(true, m, 1f, a, 0, m, deeper, 0f, c, 0, n, Epilogue.NONE));
        expect(NullPointerException.class, "b", () -> Gemm.sgemm(false, m, 1f, a, 0, k, null, 0f, c, 0, n, Epilogue.NONE));
        expect(NullPointerException.class, "a", () -> Gemm.sgemm(false, m, 1f, null, 0, k, packed, 0f, c, 0, n, Epilogue.NONE));
        expect(IllegalArgumentException.class, "ldc", () -> Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, c, 0, n - 1, Epilogue.NONE));
        expect(IllegalArgumentException.class, "c is too short", () -> Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f,
                java.util.Arrays.copyOf(c, m * n - 1), 0, n, Epilogue.NONE));
        expect(IllegalArgumentException.class, "m", () -> Gemm.sgemm(false, -1, 1f, a, 0, k, packed, 0f, c, 0, n, Epilogue.NONE));
        expect(IllegalArgumentException.class, "bias", () -> Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, c, 0, n, Epilogue.bias(bias, 1)));
        expect(NullPointerException.class, "epilogue", () -> Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, c, 0, n, null));
        Kernels other = new ScalarKernels("another");
        PackedOperand foreign = SgemmContract.pack(other, false, k, n, b, 0, n);
        expect(IllegalArgumentException.class, "packed by other kernels", () -> SgemmContract.apply(
                new ScalarKernels("these"), false, m, 1f, a, 0, k, foreign, 0f, c, 0, n, null, 0, false));
        assertArrayEquals(Bits.of(cBefore), Bits.of(c), "C was written by a call that was rejected");
    }

    @Test
    void threadsSharingOnePackedMatrixGetTheSameBits() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20);
        int m = 40, k = 300, n = 90;
        float[] a = floats(rnd, m * k), b = floats(rnd, k * n), expected = new float[m * n];
        PackedMatrix packed = Gemm.packB(false, k, n, b, 0, n);
        Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, expected, 0, n);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                results.add(pool.submit(() -> {
                    float[] c = new float[m * n];
                    for (int r = 0; r < 20; r++) {
                        Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, c, 0, n, Epilogue.NONE);
                    }
                    return c;
                }));
            }
            for (Future<float[]> f : results) {
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
            float[] a = floats(rnd, m * k), c = new float[m * n], bias = floats(rnd, n);
            PackedMatrix packed = Gemm.packB(true, k, n, floats(rnd, k * n), 0, k);
            Epilogue e = Epilogue.bias(bias).withRelu();
            // Warm means compiled by C2, which takes longer for some paths than others: rounds until one
            // allocates nothing, for up to 30 s (CI once measured 50 KB per 3×20×32 call after 40 rounds,
            // about what a kernel not yet compiled allocates boxing its vectors; a rerun passed).
            long perCall = Long.MAX_VALUE, deadline = System.nanoTime() + 30_000_000_000L;
            for (int round = 0; perCall >= 64 && (round < 40 || System.nanoTime() < deadline); round++) {
                long id = Thread.currentThread().threadId(), before = mx.getThreadAllocatedBytes(id);
                for (int i = 0; i < 500; i++) {
                    Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0.5f, c, 0, n, e);
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

    private static float pick(SplittableRandom rnd, float[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
