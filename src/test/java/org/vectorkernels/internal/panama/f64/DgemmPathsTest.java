package org.vectorkernels.internal.panama.f64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vectorkernels.DoubleEpilogueCase;
import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.config.Profiles;
import org.vectorkernels.internal.threads.Threads;

/**
 * The double precision GEMM generated from the float source ({@code DoubleSourceGenerator}), on
 * its own, before any public call reaches it: every path (direct, single row, blocked with A in
 * place, packed in rows or interleaved, the edge and wide kernels; split over two threads; B packed
 * ahead) in a plan for every generated double tile ({@link Plans}, twin of the float tests' plans), whose blocks the sizes cross, against a double-double reference with double's
 * error bound, C's padding poisoned; a packed B and two threads bitwise the plain call.
 */
class DgemmPathsTest {
    private static final int[] EDGES = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 32, 33, 47, 49, 64, 65, 97, 131};

    @TestFactory
    List<DynamicTest> everyPathAgainstTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Plan plan : Plans.everyTile()) {
            tests.add(DynamicTest.dynamicTest(plan.describe(), () -> check(plan)));
        }
        return tests;
    }

    @Test
    void everyGeneratedKernelServesSomePlan() {
        assertEquals(List.of(), Plans.unusedKernels(), "generated double kernels no test plan runs");
    }

    /** Every double profile the library can choose has generated kernels: those shipped, and the double of each float one. */
    @Test
    void everyDoubleProfileRuns() {
        for (Profile p : Profiles.shippedDouble()) {
            assertTrue(Plan.runs(p), p.toString());
        }
        for (Profile f : Profiles.shipped()) {
            assertTrue(Plan.runs(Profiles.doubleOf(f)), f.toString());
        }
    }

    private static void check(Plan plan) {
        SplittableRandom rnd = new SplittableRandom(plan.describe().hashCode());
        int before = Threads.count();
        try {
            for (int t = 0; t < 120; t++) {
                DoubleEpilogueCase x = new DoubleEpilogueCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), t % 10 == 0 ? 1 : pick(rnd),
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
            DoubleEpilogueCase big = new DoubleEpilogueCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), 150, 300, 130, true);
            Threads.set(2);
            big.check(big.run(plain(plan)));
        } finally {
            Threads.set(before);
        }
    }

    private static DoubleEpilogueCase.Call plain(Plan plan) {
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, bias, relu, sums) ->
                DgemmPaths.dgemm(plan, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, bias, 0, relu, sums, 0);
    }

    private static int pick(SplittableRandom rnd) {
        return EDGES[rnd.nextInt(EDGES.length)];
    }
}
