package org.vectorkernels.internal.panama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vectorkernels.EpilogueChecks;
import org.vectorkernels.GemmCase;
import org.vectorkernels.RandomArrays;
import org.vectorkernels.SgemmFunction;
import org.vectorkernels.SgemmShapesTest;
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.threads.Threads;

/**
 * Every generated micro-kernel and its twin on off-heap panels, through a plan of its own in this JVM ({@link Plans}): each path
 * (A in place, rows or transposed; packed in rows or interleaved; the edge and wide kernels;
 * the direct and single-row paths) against the double reference on edge sizes that cross the
 * plan's small blocks, the fused epilogue bitwise the unfused one, a packed B bitwise the
 * unpacked call, and one and two threads bitwise alike.
 */
class EveryTileTest {
    @TestFactory
    List<DynamicTest> everyPlanAgainstTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Plan plan : Plans.everyTile()) {
            tests.add(DynamicTest.dynamicTest(plan.describe(), () -> {
                PanamaKernels kernels = new PanamaKernels(plan);
                SgemmShapesTest.edges(contract(kernels), 40);
                SgemmShapesTest.skinny(contract(kernels));
                for (PanamaKernelsTest.Path path : PanamaKernelsTest.Path.values()) {
                    EpilogueChecks.fusedEqualsUnfused(PanamaKernelsTest.through(path, kernels), 12);
                }
                packedIsBitwiseUnpacked(kernels);
                threadCountsAgree(kernels);
            }));
        }
        return tests;
    }

    @Test
    void everyGeneratedKernelServesSomePlan() {
        assertEquals(List.of(), Plans.unusedKernels(), "generated kernels no test plan runs");
    }

    static SgemmFunction contract(PanamaKernels kernels) {
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                SgemmContract.apply(kernels, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                        null, 0, false, null, 0, false);
    }

    private static void packedIsBitwiseUnpacked(PanamaKernels kernels) {
        SplittableRandom rnd = new SplittableRandom(3);
        int[] edges = SgemmShapesTest.EDGES;
        for (int t = 0; t < 16; t++) {
            int m = t % 4 == 0 ? 1 : edges[rnd.nextInt(edges.length)];
            GemmCase base = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, edges[rnd.nextInt(edges.length)],
                    edges[rnd.nextInt(edges.length)], 0.75f, t % 2 == 0 ? 0f : 1f, 3);
            float[] bias = RandomArrays.floats(rnd, base.n());
            PackedOperand packed = SgemmContract.pack(kernels, base.transB(), base.k(), base.n(), base.b(), base.bOffset(), base.ldb());
            GemmCase unpacked = base.copy(), viaPacked = base.copy();
            unpacked.run((ta, tb, mm, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) -> SgemmContract.apply(kernels,
                    ta, tb, mm, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, bias, 0, true, null, 0, false));
            viaPacked.run((ta, tb, mm, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) -> SgemmContract.apply(kernels,
                    ta, mm, al, a, ao, lda, packed, be, c, co, ldc, bias, 0, true));
            assertArrayEquals(unpacked.c(), viaPacked.c(), base.toString());
        }
    }

    private static void threadCountsAgree(PanamaKernels kernels) {
        SplittableRandom rnd = new SplittableRandom(9);
        int before = Threads.count();
        try {
            for (int t = 0; t < 6; t++) {
                GemmCase base = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), 40 + rnd.nextInt(150),
                        40 + rnd.nextInt(300), 30 + rnd.nextInt(200), 1f, 0.5f, 3);
                GemmCase one = base.copy(), two = base.copy();
                Threads.set(1);
                one.run(contract(kernels));
                Threads.set(2);
                two.run(contract(kernels));
                assertArrayEquals(one.c(), two.c(), base.toString());
                one.check();
            }
        } finally {
            Threads.set(before);
        }
    }
}
