package org.vectorkernels.internal.panama.f64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vectorkernels.DoubleGemmCase;
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
                DoubleGemmCase x = new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), t % 10 == 0 ? 1 : pick(rnd),
                        pick(rnd), pick(rnd), true);
                Threads.set(1);
                double[] one = x.run(plain(plan));
                x.check(one);
                Threads.set(2);
                assertArrayEquals(one, x.run(plain(plan)), x + ": two threads");
                Threads.set(1);
                if (x.sums == null) { // a packed B: the unpacked call's bits
                    DoublePackedOperand packed = DgemmPaths.packB(plan, null, x.transB, x.k, x.n, x.b, x.bOff, x.ldb);
                    assertArrayEquals(one, x.run((ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, bias, relu, sums) ->
                            DgemmPaths.dgemm(plan, ta, m, alpha, a, ao, lda, packed, beta, c, co, ldc, bias, 0, relu)), x + ": packed B");
                }
            }
            // Past every block at once, on both threads.
            DoubleGemmCase big = new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), 150, 300, 130, true);
            Threads.set(2);
            big.check(big.run(plain(plan)));
        } finally {
            Threads.set(before);
        }
    }

    private static DoubleGemmCase.Call plain(Plan plan) {
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, bias, relu, sums) ->
                DgemmPaths.dgemm(plan, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, bias, 0, relu, sums, 0);
    }

    private static int pick(SplittableRandom rnd) {
        return EDGES[rnd.nextInt(EDGES.length)];
    }
}
