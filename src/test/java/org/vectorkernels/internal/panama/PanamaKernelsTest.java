package org.vectorkernels.internal.panama;

import org.junit.jupiter.api.Test;
import org.vectorkernels.Epilogue;
import org.vectorkernels.EpilogueChecks;
import org.vectorkernels.EpilogueSgemm;
import org.vectorkernels.SgemmFunction;
import org.vectorkernels.SgemmSblat3Test;
import org.vectorkernels.SgemmShapesTest;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.SgemmContract;

/**
 * The two Vector API SGEMM paths one by one, whatever size the dispatcher would send where: the
 * packed, blocked path and the direct (unpacked) path, on the sblat3 grid, on every edge and
 * with the fused epilogue. Runs with 512-bit vectors and, in the build's AVX2 execution, 256-bit ones.
 */
class PanamaKernelsTest {
    static final EpilogueSgemm BLOCKED = through(false);
    static final EpilogueSgemm DIRECT = through(true);

    @Test
    void blockedSblat3() {
        SgemmSblat3Test.grid(plain(BLOCKED));
    }

    @Test
    void directSblat3() {
        SgemmSblat3Test.grid(plain(DIRECT));
    }

    @Test
    void blockedEdges() {
        SgemmShapesTest.edges(plain(BLOCKED), 200);
        SgemmShapesTest.skinny(plain(BLOCKED));
    }

    @Test
    void directEdges() {
        SgemmShapesTest.edges(plain(DIRECT), 200);
        SgemmShapesTest.skinny(plain(DIRECT));
    }

    @Test
    void blockedAcrossEveryBlock() {
        SgemmShapesTest.acrossBlocks(plain(BLOCKED));
    }

    @Test
    void blockedEpilogueFusedEqualsUnfused() {
        EpilogueChecks.fusedEqualsUnfused(BLOCKED, 200);
    }

    @Test
    void directEpilogueFusedEqualsUnfused() {
        EpilogueChecks.fusedEqualsUnfused(DIRECT, 200);
    }

    static SgemmFunction plain(EpilogueSgemm f) {
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                f.sgemm(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, Epilogue.NONE);
    }

    /**
     * One path behind the shared contract. The direct path takes B not transposed with n a
     * multiple of the lane count; other problems go blocked.
     */
    static EpilogueSgemm through(boolean direct) {
        PanamaKernels panama = new PanamaKernels();
        Kernels kernels = new Kernels() {
            @Override
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int ao, int lda,
                              float[] b, int bo, int ldb, float beta, float[] c, int co, int ldc,
                              Epilogue e, float[] sums, int sumsOffset) {
                if (direct && !tb && n % Blocking.LANES == 0) {
                    DirectSgemm.compute(ta, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                            e.bias(), e.biasOffset(), e.hasRelu());
                } else {
                    PanamaKernels.blocked(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                            e.bias(), e.biasOffset(), e.hasRelu(), sums, sumsOffset);
                }
            }

            @Override
            public void sumRows(int m, int n, float[] x, int xo, int ldx, float[] out, int oo) {
                panama.sumRows(m, n, x, xo, ldx, out, oo);
            }

            @Override
            public String description() {
                return direct ? "direct path" : "blocked path";
            }
        };
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, e) ->
                SgemmContract.apply(kernels, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                        e, null, 0, false);
    }
}
