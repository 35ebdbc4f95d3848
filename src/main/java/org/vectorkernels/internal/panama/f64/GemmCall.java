// GENERATED from src/main/java/org/vectorkernels/internal/panama/GemmCall.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.Recycler;

/**
 * The operands of one SGEMM call and how it finishes: {@code C := act(alpha·op(A)·op(B) + beta·C + bias)},
 * with the column sums of op(B) when {@code sums} is not null. Every loop takes the call and the
 * part of C it computes, rows [i0, i1) × columns [j0, j1) in the call's own coordinates, instead
 * of two dozen positional arguments; offsets into A, B, C, bias and sums are worked out in one
 * place. Taken from a {@link Recycler} for the call and given back after it, so a call allocates nothing.
 */
final class GemmCall {
    private static final Recycler<GemmCall> POOL = new Recycler<>(GemmCall::new);

    Plan plan;
    boolean transA, transB;
    int m, n, k;
    double alpha, beta;
    double[] a, b, c;
    int aOffset, lda, bOffset, ldb, cOffset, ldc;
    /** B packed before the call, or null (then b is read). */
    DoublePackedOperand packed;
    double[] bias;
    int biasOffset;
    boolean relu;
    double[] sums;
    int sumsOffset;

    private GemmCall() {}

    static GemmCall take(Plan plan, boolean transA, boolean transB, int m, int n, int k, double alpha,
                         double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                         double beta, double[] c, int cOffset, int ldc) {
        GemmCall g = POOL.take();
        g.plan = plan;
        g.transA = transA;
        g.transB = transB;
        g.m = m;
        g.n = n;
        g.k = k;
        g.alpha = alpha;
        g.a = a;
        g.aOffset = aOffset;
        g.lda = lda;
        g.b = b;
        g.bOffset = bOffset;
        g.ldb = ldb;
        g.beta = beta;
        g.c = c;
        g.cOffset = cOffset;
        g.ldc = ldc;
        return g;
    }

    GemmCall finish(double[] bias, int biasOffset, boolean relu, double[] sums, int sumsOffset) {
        this.bias = bias;
        this.biasOffset = biasOffset;
        this.relu = relu;
        this.sums = sums;
        this.sumsOffset = sumsOffset;
        return this;
    }

    GemmCall packed(DoublePackedOperand packed) {
        this.packed = packed;
        return this;
    }

    /** Drops every reference to the caller's arrays and recycles the call. */
    void give() {
        a = b = c = bias = sums = null;
        packed = null;
        plan = null;
        POOL.give(this);
    }

    /** Where op(A)'s row i starts: op(A)(i, p) = a[aAt(i) + p·aStep()]. */
    int aAt(int i) {
        return aOffset + i * aRow();
    }

    /** How far apart op(A)'s rows are in a. */
    int aRow() {
        return transA ? 1 : lda;
    }

    /** How far apart op(A)'s steps along k are in a. */
    int aStep() {
        return transA ? lda : 1;
    }

    /** Where column j of op(B) starts: its k steps follow ldb apart (B not transposed) or one apart (transposed). */
    int bAt(int j) {
        return bOffset + j * (transB ? ldb : 1);
    }

    /** Where C(i, j) is. */
    int cAt(int i, int j) {
        return cOffset + i * ldc + j;
    }
}
