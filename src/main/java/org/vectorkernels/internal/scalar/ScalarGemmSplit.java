package org.vectorkernels.internal.scalar;

import org.vectorkernels.internal.Recycler;
import org.vectorkernels.internal.threads.GemmParts;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * A large scalar SGEMM cut into row ranges for {@link WorkerPool}: each row of C is computed by
 * one part exactly as by the whole, so the result is bitwise the same for every thread count.
 * Instances are recycled from call to call ({@link Recycler}).
 */
final class ScalarGemmSplit extends GemmParts {
    private static final Recycler<ScalarGemmSplit> POOL = new Recycler<>(ScalarGemmSplit::new);

    private int parts;
    private float[] bias;
    private int biasOffset;
    private boolean relu;

    static void run(int parts, boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                    float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu) {
        ScalarGemmSplit s = POOL.take();
        s.operands(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        s.bias = bias;
        s.biasOffset = biasOffset;
        s.relu = relu;
        s.parts = parts;
        try {
            WorkerPool.run(s, parts);
        } finally {
            s.release();
            s.bias = null;
            POOL.give(s);
        }
    }

    @Override
    public void run(int part) {
        int lo = WorkerPool.firstUnit(m, part, parts), hi = WorkerPool.firstUnit(m, part + 1, parts);
        // Rows [lo, hi) of op(A) and of C.
        ScalarSgemm.rows(transA, transB, hi - lo, n, k, alpha, a, aOffset + (transA ? lo : lo * lda), lda,
                b, bOffset, ldb, beta, c, cOffset + lo * ldc, ldc, bias, biasOffset, relu);
    }
}
