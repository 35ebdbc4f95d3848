// GENERATED from src/test/java/org/vectorkernels/EpilogueChecks.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

/**
 * Fused against unfused: an epilogue applied inside dgemm must give bitwise the result of the
 * same dgemm without it followed by a plain loop that adds the bias and applies ReLU, with C's
 * padding untouched (the unfused path is itself checked by the dblat3 and shape tests).
 */
public final class DoubleEpilogueChecks {
    private DoubleEpilogueChecks() {}

    public static void fusedEqualsUnfused(EpilogueDgemm f, int count) {
        fusedEqualsUnfused(f, count, DgemmShapesTest.EDGES);
    }

    /** As above with m drawn from {@code ms}. */
    public static void fusedEqualsUnfused(EpilogueDgemm f, int count, int[] ms) {
        SplittableRandom rnd = new SplittableRandom(23);
        int[] edges = DgemmShapesTest.EDGES;
        for (int t = 0; t < count; t++) {
            int m = ms[rnd.nextInt(ms.length)], n = edges[rnd.nextInt(edges.length)];
            int k = t % 17 == 0 ? 0 : edges[rnd.nextInt(edges.length)];
            double alpha = t % 13 == 0 ? 0d : (double) (rnd.nextDouble() * 2 - 0.5);
            double beta = new double[] {0d, 1d, 0.5d}[rnd.nextInt(3)];
            DoubleGemmCase fused = new DoubleGemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, alpha, beta, 5);
            DoubleGemmCase unfused = fused.copy();
            int biasOffset = rnd.nextInt(4);
            double[] bias = RandomArrays.doubles(rnd, biasOffset + n + rnd.nextInt(3));
            boolean relu = rnd.nextBoolean();
            DoubleEpilogue e = relu ? DoubleEpilogue.bias(bias, biasOffset).withRelu() : DoubleEpilogue.bias(bias, biasOffset);
            fused.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    f.dgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e));
            unfused.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) -> {
                f.dgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, DoubleEpilogue.NONE);
                for (int i = 0; i < mm; i++) {
                    for (int j = 0; j < nn; j++) {
                        double v = c[co + i * ldc + j] + bias[biasOffset + j];
                        c[co + i * ldc + j] = relu ? Math.max(v, 0d) : v;
                    }
                }
            });
            assertArrayEquals(unfused.c(), fused.c(), () -> fused + " with " + e);
        }
    }
}
