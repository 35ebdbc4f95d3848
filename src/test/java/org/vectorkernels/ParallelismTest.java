package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.floats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work split over threads: bitwise the same result for 1, 2, 3 and 7 threads (sgemm in every
 * transpose, with epilogues and column sums, and sumRows, on edge shapes); many callers at once;
 * calls from a parallel stream and from virtual threads finish; the library starts no more than
 * the thread count minus one workers. The build splits even small problems for these tests
 * ({@code vectorkernels.parallelMinVolume}) and whether or not a worker is awake
 * ({@code vectorkernels.wakeMinVolume}), so every edge goes through the split.
 */
class ParallelismTest {
    static final int[] THREADS = {1, 2, 3, 7};
    static final int[] SIZES = {1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 129, 257, 300, 513};
    private final int before = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(before);
    }

    @Test
    void sgemmIsBitwiseTheSameForEveryThreadCount() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int t = 0; t < 60; t++) {
            int m = pick(rnd), n = pick(rnd), k = pick(rnd);
            GemmCase base = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k,
                    rnd.nextBoolean() ? 1f : 0.7f, new float[] {0f, 1f, 1.3f}[rnd.nextInt(3)], 5);
            float[] bias = floats(rnd, n + 3);
            boolean relu = rnd.nextBoolean();
            float[] expected = null, expectedSums = null;
            for (int threads : THREADS) {
                Parallelism.setThreads(threads);
                GemmCase g = base.copy();
                float[] sums = new float[n + 2];
                int mode = t % 3;
                g.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) -> {
                    if (mode == 0) {
                        Gemm.sgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc);
                    } else if (mode == 1) {
                        Epilogue e = relu ? Epilogue.bias(bias, 2).withRelu() : Epilogue.bias(bias, 2);
                        Gemm.sgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e);
                    } else {
                        Gemm.sgemmWithColumnSums(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc,
                                sums, 1, false);
                    }
                });
                if (mode == 0 && threads != 1) {
                    // And right, against the double-precision reference: equal is not enough, since a
                    // part that packs nothing can still find the right panels left in a buffer.
                    g.check();
                }
                if (expected == null) {
                    expected = g.c();
                    expectedSums = sums;
                } else {
                    assertArrayEquals(expected, g.c(), g + " with " + threads + " threads");
                    assertArrayEquals(expectedSums, sums, g + " column sums with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void sumRowsIsBitwiseTheSameForEveryThreadCount() {
        SplittableRandom rnd = new SplittableRandom(43);
        for (int t = 0; t < 40; t++) {
            int m = pick(rnd), n = pick(rnd) * (t % 2 == 0 ? 1 : 9), ldx = n + rnd.nextInt(4);
            float[] x = floats(rnd, 3 + m * ldx);
            float[] expected = null;
            for (int threads : THREADS) {
                Parallelism.setThreads(threads);
                float[] out = floats(new SplittableRandom(t), n + 5);
                Reductions.sumRows(m, n, x, 3, ldx, out, 2, t % 3 == 0);
                if (expected == null) {
                    expected = out;
                } else {
                    assertArrayEquals(expected, out, m + "x" + n + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void manyCallersWithParallelKernels() throws Exception {
        Parallelism.setThreads(3);
        List<float[]> expected = new ArrayList<>();
        List<float[][]> operands = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(47);
        for (int t = 0; t < 16; t++) {
            int s = 100 + 37 * t;
            float[] a = floats(rnd, s * s), b = floats(rnd, s * s), c = new float[s * s];
            Gemm.sgemm(s, s, s, a, b, c);
            operands.add(new float[][] {a, b});
            expected.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<float[]>> futures = new ArrayList<>();
                for (float[][] ab : operands) {
                    futures.add(pool.submit(() -> {
                        int s = (int) Math.sqrt(ab[0].length);
                        float[] c = new float[s * s];
                        Gemm.sgemm(s, s, s, ab[0], ab[1], c);
                        return c;
                    }));
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertArrayEquals(expected.get(i), futures.get(i).get());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void callsFromAParallelStreamAndFromVirtualThreadsFinish() {
        Parallelism.setThreads(7);
        float[] a = floats(new SplittableRandom(1), 200 * 300), b = floats(new SplittableRandom(2), 300 * 250);
        float[] expected = new float[200 * 250];
        Gemm.sgemm(200, 250, 300, a, b, expected);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            IntStream.range(0, 64).parallel().forEach(i -> {
                float[] c = new float[200 * 250];
                Gemm.sgemm(200, 250, 300, a, b, c);
                assertArrayEquals(expected, c);
            });
            try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<float[]>> futures = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    futures.add(virtual.submit(() -> {
                        float[] c = new float[200 * 250];
                        Gemm.sgemm(200, 250, 300, a, b, c);
                        return c;
                    }));
                }
                for (Future<float[]> f : futures) {
                    assertArrayEquals(expected, f.get());
                }
            }
        });
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("vector-kernels-worker-")).count();
        assertTrue(workers <= 6, workers + " worker threads for a thread count of at most 7");
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.setThreads(0));
        assertTrue(e.getMessage().contains("count"), e.getMessage());
    }

    private static int pick(SplittableRandom rnd) {
        return SIZES[rnd.nextInt(SIZES.length)];
    }
}
