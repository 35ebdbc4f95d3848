// GENERATED from src/test/java/org/vectorkernels/SgemmEpilogueTest.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.DgemmContract;

/** The fused bias/ReLU epilogue, through the public API and the scalar kernels. */
class DgemmEpilogueTest {
    @Test
    void gemmFusedEqualsUnfused() {
        DoubleEpilogueChecks.fusedEqualsUnfused(Gemm::dgemm, 300);
    }

    @Test
    void scalarFusedEqualsUnfused() {
        ScalarKernels scalar = new ScalarKernels("test");
        DoubleEpilogueChecks.fusedEqualsUnfused((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e) ->
                DgemmContract.apply(scalar, ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc,
                        e.bias(), e.biasOffset(), e.hasRelu(), null, 0, false),
                300);
    }

    @Test
    void reluAloneClampsNegatives() {
        double[] c = new double[2];
        Gemm.dgemm(false, false, 1, 2, 1, 1d, new double[] {1d}, 0, 1, new double[] {-2d, 3d}, 0, 2, 0d, c, 0, 2,
                DoubleEpilogue.relu());
        assertArrayEquals(new double[] {0d, 3d}, c);
    }

    @Test
    void shortBiasIsNamedAndCUntouched() {
        double[] c = {5d, 5d, 5d, 5d};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Gemm.dgemm(false, false, 2, 2, 1, 1d, new double[2], 0, 1, new double[2], 0, 2, 0d, c, 0, 2,
                        DoubleEpilogue.bias(new double[3], 2)));
        assertTrue(e.getMessage().startsWith("bias "), e.getMessage());
        assertArrayEquals(new double[] {5d, 5d, 5d, 5d}, c);
        assertThrows(IllegalArgumentException.class, () -> DoubleEpilogue.bias(new double[3], -1));
        assertThrows(NullPointerException.class, () -> DoubleEpilogue.bias(null));
    }
}
