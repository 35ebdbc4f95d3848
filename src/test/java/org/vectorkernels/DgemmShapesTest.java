// GENERATED from src/test/java/org/vectorkernels/SgemmShapesTest.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random shapes on every edge: each side of the lane counts (8, 16), of the micro-tiles
 * (4, 6 or 8 rows, 16, 32 or 64 columns), of the cache blocks (KC = 512, MC = 128), primes, skinny
 * shapes, random offsets and transposes; and shapes that cross every block, KC = 1024 and
 * NC = 2048 or 4096 included.
 */
public class DgemmShapesTest {
    public static final int[] EDGES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 15, 16, 17, 31, 32, 33, 47, 48, 49,
            63, 64, 65, 97, 127, 128, 129, 191, 192, 193, 255, 256, 257, 300, 385, 511, 513};

    @TestFactory
    List<DynamicTest> randomEdgeShapes() {
        return DoubleImplementations.each(f -> edges(f, 300));
    }

    @TestFactory
    List<DynamicTest> skinny() {
        return DoubleImplementations.each(DgemmShapesTest::skinny);
    }

    @TestFactory
    List<DynamicTest> acrossEveryBlock() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, DgemmFunction> all = DoubleImplementations.all();
        String fast = all.keySet().iterator().next();
        tests.add(DynamicTest.dynamicTest(fast, () -> acrossBlocks(all.get(fast))));
        return tests;
    }

    /** {@code count} random problems, each dimension drawn from the edge sizes. */
    public static void edges(DgemmFunction f, int count) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < count; t++) {
            int m = pick(rnd), n = pick(rnd), k = pick(rnd);
            double alpha = rnd.nextBoolean() ? 1d : (double) (rnd.nextDouble() * 4 - 2);
            double beta = new double[] {0d, 1d, -0.6d}[rnd.nextInt(3)];
            new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, alpha, beta, 9).runAndCheck(f);
        }
    }

    /** m = 1 or n = 1 (vector-matrix and matrix-vector products), every transpose. */
    public static void skinny(DgemmFunction f) {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 60; t++) {
            boolean rowVector = rnd.nextBoolean();
            int m = rowVector ? 1 : pick(rnd), n = rowVector ? pick(rnd) : 1, k = pick(rnd);
            new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, 1d, 0.5d, 4).runAndCheck(f);
        }
    }

    /** Shapes past MC, KC and NC at once, in each transpose combination. */
    public static void acrossBlocks(DgemmFunction f) {
        SplittableRandom rnd = new SplittableRandom(7);
        new DoubleGemmCase(rnd, false, false, 2 * 128 + 9, 4096 + 37, 2 * 512 + 3, 1d, 0d, 5).runAndCheck(f);
        new DoubleGemmCase(rnd, true, true, 203, 4096 + 1, 259, 0.5d, 1.3d, 5).runAndCheck(f);
        new DoubleGemmCase(rnd, true, false, 97, 301, 1031, 1d, 1d, 5).runAndCheck(f);
        new DoubleGemmCase(rnd, false, true, 389, 129, 600, -1d, 0d, 5).runAndCheck(f);
        new DoubleGemmCase(rnd, false, false, 33, 65, 1024, 1d, 1d, 5).runAndCheck(f);
        new DoubleGemmCase(rnd, true, false, 17, 2048 + 33, 1025, 1d, -0.6d, 5).runAndCheck(f);
        // Small enough to read A in place (the wide tile where the profile has it), over three k blocks.
        new DoubleGemmCase(rnd, false, false, 7, 70, 2 * 1024 + 5, 0.5d, 1d, 5).runAndCheck(f);
    }

    private static int pick(SplittableRandom rnd) {
        return EDGES[rnd.nextInt(EDGES.length)];
    }
}
