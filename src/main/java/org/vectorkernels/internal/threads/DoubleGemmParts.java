// GENERATED from src/main/java/org/vectorkernels/internal/threads/GemmParts.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.threads;

/**
 * The operands of one SGEMM call, held by a split for its parts while they run: one instance
 * per calling thread, reused, so that a call allocates nothing.
 */
public abstract class DoubleGemmParts implements WorkerPool.Parts {
    protected boolean transA, transB;
    protected int m, n, k, aOffset, lda, bOffset, ldb, cOffset, ldc;
    protected double alpha, beta;
    protected double[] a, b, c;

    protected final void operands(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                  double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                                  double beta, double[] c, int cOffset, int ldc) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOffset = aOffset;
        this.lda = lda;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOffset = cOffset;
        this.ldc = ldc;
    }

    /** Keeps no caller arrays alive between calls. */
    protected void release() {
        a = b = c = null;
    }
}
