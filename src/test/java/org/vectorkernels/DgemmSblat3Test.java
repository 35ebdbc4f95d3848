// GENERATED from src/test/java/org/vectorkernels/SgemmSblat3Test.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference BLAS test program's grid (dblat3): every m, n, k in {0,1,2,3,5,9}, both
 * transposes, alpha in {0,1,0.7}, beta in {0,1,1.3}, padded and poisoned leading dimensions.
 */
public class DgemmSblat3Test {
    static final int[] SIZES = {0, 1, 2, 3, 5, 9};
    static final double[] ALPHAS = {0d, 1d, 0.7d};
    static final double[] BETAS = {0d, 1d, 1.3d};

    @TestFactory
    List<DynamicTest> dblat3Grid() {
        return DoubleImplementations.each(DgemmSblat3Test::grid);
    }

    /** Runs the whole grid through {@code f}; used by the kernel tests too. */
    public static void grid(DgemmFunction f) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : SIZES) {
                    for (int n : SIZES) {
                        for (int k : SIZES) {
                            for (double alpha : ALPHAS) {
                                for (double beta : BETAS) {
                                    new DoubleGemmCase(rnd, ta, tb, m, n, k, alpha, beta, 3).runAndCheck(f);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
