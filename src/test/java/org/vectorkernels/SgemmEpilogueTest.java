package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.SgemmContract;

/** The fused bias/ReLU epilogue, through the public API and the scalar kernels. */
class SgemmEpilogueTest {
    @Test
    void gemmFusedEqualsUnfused() {
        EpilogueChecks.fusedEqualsUnfused(Gemm::sgemm, 300);
    }

    @Test
    void scalarFusedEqualsUnfused() {
        ScalarKernels scalar = new ScalarKernels("test");
        EpilogueChecks.fusedEqualsUnfused((ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc, e) ->
                SgemmContract.apply(scalar, ta, tb, m, n, k, al, a, ao, lda, b, bo, ldb, be, c, co, ldc,
                        e.bias(), e.biasOffset(), e.hasRelu(), null, 0, false),
                300);
    }

    @Test
    void reluAloneClampsNegatives() {
        float[] c = new float[2];
        Gemm.sgemm(false, false, 1, 2, 1, 1f, new float[] {1f}, 0, 1, new float[] {-2f, 3f}, 0, 2, 0f, c, 0, 2,
                Epilogue.relu());
        assertArrayEquals(new float[] {0f, 3f}, c);
    }

    @Test
    void shortBiasIsNamedAndCUntouched() {
        float[] c = {5f, 5f, 5f, 5f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Gemm.sgemm(false, false, 2, 2, 1, 1f, new float[2], 0, 1, new float[2], 0, 2, 0f, c, 0, 2,
                        Epilogue.bias(new float[3], 2)));
        assertTrue(e.getMessage().startsWith("bias "), e.getMessage());
        assertArrayEquals(new float[] {5f, 5f, 5f, 5f}, c);
        assertThrows(IllegalArgumentException.class, () -> Epilogue.bias(new float[3], -1));
        assertThrows(NullPointerException.class, () -> Epilogue.bias(null));
    }
}
