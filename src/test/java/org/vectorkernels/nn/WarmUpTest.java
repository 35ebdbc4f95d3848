package org.vectorkernels.nn;

import org.vectorkernels.Gemm;
import org.vectorkernels.RandomArrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** WarmUp runs every path without changing what later calls compute, and refuses a negative count. */
class WarmUpTest {
    @Test
    void laterResultsAreThoseOfAColdLibrary() {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 37, n = 45, k = 611;
        float[] a = RandomArrays.floats(rnd, m * k), b = RandomArrays.floats(rnd, k * n);
        float[] before = new float[m * n], after = new float[m * n];
        Gemm.sgemm(m, n, k, a, b, before);
        assertTrue(WarmUp.run(3) > 0);
        Gemm.sgemm(m, n, k, a, b, after);
        assertArrayEquals(before, after, "bitwise the same product before and after the warm-up");
    }

    @Test
    void aNegativeRoundCountIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WarmUp.run(-1));
        assertTrue(e.getMessage().contains("rounds"), e.getMessage());
        assertTrue(WarmUp.run(0) >= 0);
    }
}
