package org.vectorkernels;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference BLAS test program's grid (sblat3): every m, n, k in {0,1,2,3,5,9}, both
 * transposes, alpha in {0,1,0.7}, beta in {0,1,1.3}, padded and poisoned leading dimensions.
 */
public class SgemmSblat3Test {
    static final int[] SIZES = {0, 1, 2, 3, 5, 9};
    static final float[] ALPHAS = {0f, 1f, 0.7f};
    static final float[] BETAS = {0f, 1f, 1.3f};

    @TestFactory
    List<DynamicTest> sblat3Grid() {
        return Implementations.each(SgemmSblat3Test::grid);
    }

    /** Runs the whole grid through {@code f}; used by the kernel tests too. */
    public static void grid(SgemmFunction f) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : SIZES) {
                    for (int n : SIZES) {
                        for (int k : SIZES) {
                            for (float alpha : ALPHAS) {
                                for (float beta : BETAS) {
                                    new GemmCase(rnd, ta, tb, m, n, k, alpha, beta, 3).runAndCheck(f);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
