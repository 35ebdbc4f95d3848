package org.vectorkernels.internal.panama;

import org.junit.jupiter.api.Test;
import org.vectorkernels.SgemmFunction;
import org.vectorkernels.SgemmSblat3Test;
import org.vectorkernels.SgemmShapesTest;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.SgemmKernel;

/**
 * The two Vector API paths one by one, whatever size the dispatcher would send where: the
 * packed, blocked path and the direct (unpacked) path, on the sblat3 grid and on every edge.
 * Runs with 512-bit vectors and, in the build's AVX2 execution, with 256-bit ones.
 */
class PanamaSgemmTest {
    static final SgemmFunction BLOCKED = through((ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
            PanamaSgemm.blocked(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc));

    /** The direct path takes B not transposed with n a multiple of the lane count; others go blocked. */
    static final SgemmFunction DIRECT = through((ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) -> {
        if (tb || n % Blocking.LANES != 0) {
            PanamaSgemm.blocked(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
        } else {
            DirectSgemm.compute(ta, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
        }
    });

    @Test
    void blockedSblat3() {
        SgemmSblat3Test.grid(BLOCKED);
    }

    @Test
    void directSblat3() {
        SgemmSblat3Test.grid(DIRECT);
    }

    @Test
    void blockedEdges() {
        SgemmShapesTest.edges(BLOCKED, 200);
        SgemmShapesTest.skinny(BLOCKED);
    }

    @Test
    void directEdges() {
        SgemmShapesTest.edges(DIRECT, 200);
        SgemmShapesTest.skinny(DIRECT);
    }

    @Test
    void blockedAcrossEveryBlock() {
        SgemmShapesTest.acrossBlocks(BLOCKED);
    }

    private static SgemmFunction through(SgemmFunction path) {
        SgemmKernel kernel = new SgemmKernel() {
            @Override
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int ao, int lda,
                              float[] b, int bo, int ldb, float beta, float[] c, int co, int ldc) {
                path.sgemm(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
            }

            @Override
            public String description() {
                return "test path";
            }
        };
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                SgemmContract.apply(kernel, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
    }
}
