// GENERATED from src/main/java/org/vectorkernels/internal/scalar/ScalarGemmSplit.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.scalar;

import org.vectorkernels.internal.Recycler;
import org.vectorkernels.internal.threads.DoubleGemmParts;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * A large scalar SGEMM cut into row ranges for {@link WorkerPool}: each row of C is computed by
 * one part exactly as by the whole, so the result is bitwise the same for every thread count.
 * Instances are recycled from call to call ({@link Recycler}).
 */
final class DoubleScalarGemmSplit extends DoubleGemmParts {
    private static final Recycler<DoubleScalarGemmSplit> POOL = new Recycler<>(DoubleScalarGemmSplit::new);

    private int parts;
    private double[] bias;
    private int biasOffset;
    private boolean relu;

    static void run(int parts, boolean transA, boolean transB, int m, int n, int k, double alpha,
                    double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                    double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu) {
        DoubleScalarGemmSplit s = POOL.take();
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
        ScalarDgemm.rows(transA, transB, hi - lo, n, k, alpha, a, aOffset + (transA ? lo : lo * lda), lda,
                b, bOffset, ldb, beta, c, cOffset + lo * ldc, ldc, bias, biasOffset, relu);
    }
}
