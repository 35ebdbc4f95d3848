package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

/**
 * Fused against unfused: an epilogue applied inside sgemm must give bitwise the result of the
 * same sgemm without it followed by a plain loop that adds the bias and applies ReLU, with C's
 * padding untouched (the unfused path is itself checked by the sblat3 and shape tests).
 */
public final class EpilogueChecks {
    private EpilogueChecks() {}

    public static void fusedEqualsUnfused(EpilogueSgemm f, int count) {
        fusedEqualsUnfused(f, count, SgemmShapesTest.EDGES);
    }

    /** As above with m drawn from {@code ms}. */
    public static void fusedEqualsUnfused(EpilogueSgemm f, int count, int[] ms) {
        SplittableRandom rnd = new SplittableRandom(23);
        int[] edges = SgemmShapesTest.EDGES;
        for (int t = 0; t < count; t++) {
            int m = ms[rnd.nextInt(ms.length)], n = edges[rnd.nextInt(edges.length)];
            int k = t % 17 == 0 ? 0 : edges[rnd.nextInt(edges.length)];
            float alpha = t % 13 == 0 ? 0f : (float) (rnd.nextDouble() * 2 - 0.5);
            float beta = new float[] {0f, 1f, 0.5f}[rnd.nextInt(3)];
            GemmCase fused = new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, alpha, beta, 5);
            GemmCase unfused = fused.copy();
            int biasOffset = rnd.nextInt(4);
            float[] bias = RandomArrays.floats(rnd, biasOffset + n + rnd.nextInt(3));
            boolean relu = rnd.nextBoolean();
            Epilogue e = relu ? Epilogue.bias(bias, biasOffset).withRelu() : Epilogue.bias(bias, biasOffset);
            fused.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) ->
                    f.sgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e));
            unfused.run((ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc) -> {
                f.sgemm(ta, tb, mm, nn, kk, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, Epilogue.NONE);
                for (int i = 0; i < mm; i++) {
                    for (int j = 0; j < nn; j++) {
                        float v = c[co + i * ldc + j] + bias[biasOffset + j];
                        c[co + i * ldc + j] = relu ? Math.max(v, 0f) : v;
                    }
                }
            });
            assertArrayEquals(unfused.c(), fused.c(), () -> fused + " with " + e);
        }
    }
}
