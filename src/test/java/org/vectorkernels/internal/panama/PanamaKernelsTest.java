package org.vectorkernels.internal.panama;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vectorkernels.Epilogue;
import org.vectorkernels.EpilogueChecks;
import org.vectorkernels.EpilogueSgemm;
import org.vectorkernels.GemmCase;
import org.vectorkernels.SgemmFunction;
import org.vectorkernels.SgemmSblat3Test;
import org.vectorkernels.SgemmShapesTest;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.SgemmContract;

/**
 * The Vector API SGEMM paths one by one, whatever size the dispatcher would send where: the
 * packed, blocked path, the direct (unpacked) path and the single-row path, on the sblat3 grid,
 * on every edge and with the fused epilogue. Runs with 512-bit vectors and, in the build's AVX2
 * execution, 256-bit ones.
 */
class PanamaKernelsTest {
    enum Path { BLOCKED, DIRECT, ROW }

    static final EpilogueSgemm BLOCKED = through(Path.BLOCKED);
    static final EpilogueSgemm DIRECT = through(Path.DIRECT);
    static final EpilogueSgemm ROW = through(Path.ROW);

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

    @Test
    void rowSblat3() {
        SgemmSblat3Test.grid(plain(ROW));
    }

    /** m = 1 on every edge of n and k, rows longer than one chunk of sums, every transpose and scaling. */
    @Test
    void rowEdgesAndChunks() {
        SplittableRandom rnd = new SplittableRandom(31);
        int[] longRows = {RowTimesMatrix.ROW_CHUNK - 1, RowTimesMatrix.ROW_CHUNK, RowTimesMatrix.ROW_CHUNK + 17, 2 * RowTimesMatrix.ROW_CHUNK + 3};
        for (int t = 0; t < 300; t++) {
            int[] edges = SgemmShapesTest.EDGES;
            int n = t % 5 == 0 ? longRows[rnd.nextInt(longRows.length)] : edges[rnd.nextInt(edges.length)];
            int k = t % 7 == 0 ? 1031 : edges[rnd.nextInt(edges.length)];
            float alpha = rnd.nextBoolean() ? 1f : -0.7f;
            float beta = new float[] {0f, 1f, 1.3f}[rnd.nextInt(3)];
            new GemmCase(rnd, rnd.nextBoolean(), rnd.nextBoolean(), 1, n, k, alpha, beta, 7).runAndCheck(plain(ROW));
        }
    }

    @Test
    void rowEpilogueFusedEqualsUnfused() {
        EpilogueChecks.fusedEqualsUnfused(ROW, 200, new int[] {1});
    }

    static SgemmFunction plain(EpilogueSgemm f) {
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                f.sgemm(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, Epilogue.NONE);
    }

    /**
     * One path behind the shared contract. The direct path takes B not transposed with n a
     * multiple of the lane count, the row path m = 1; other problems go blocked.
     */
    static EpilogueSgemm through(Path path) {
        return through(path, new PanamaKernels());
    }

    /** One path of {@code base}'s plan behind the shared contract. */
    static EpilogueSgemm through(Path path, PanamaKernels base) {
        Plan plan = base.plan;
        Kernels kernels = new PanamaKernels(plan.profile) { // only sgemm is redirected
            @Override
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int ao, int lda,
                              float[] b, int bo, int ldb, float beta, float[] c, int co, int ldc,
                              float[] bias, int biasOffset, boolean relu, float[] sums, int sumsOffset) {
                GemmCall g = GemmCall.take(plan, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc)
                        .finish(bias, biasOffset, relu, sums, sumsOffset);
                try {
                    if (path == Path.ROW && m == 1 && sums == null) {
                        RowTimesMatrix.compute(g, 0, n);
                    } else if (path == Path.DIRECT && !tb && n % Species.LANES == 0) {
                        DirectSgemm.compute(g);
                    } else {
                        BlockedGemm.compute(g, 0, m, 0, n, null, 0);
                    }
                } finally {
                    g.give();
                }
            }

            @Override
            public String description() {
                return path + " path";
            }
        };
        return (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, e) ->
                SgemmContract.apply(kernels, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                        e.bias(), e.biasOffset(), e.hasRelu(), null, 0, false);
    }
}
