package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel for A read in place: a {@link Blocking#WIDE_MR} × 4-vector tile of C in
 * registers, on two adjacent packed panels of B. Its four rows of A take three row offsets
 * where {@link MicroKernel}'s eight take seven, which on Zen 5 spilled C2's general registers
 * inside the loop; and each broadcast feeds four FMAs, not two. Same order of additions as MicroKernel.
 */
final class WideMicroKernel {
    private WideMicroKernel() {}

    /**
     * Multiplies four rows of A from {@code aIdx} on (row s, step p at {@code aIdx + s·lda + p}) by
     * the packed panels of B at {@code bIdx} and after it (step p at {@code bIdx + p·NR} and NR·kc
     * further) over kc steps, and stores the product over the tile whose row r starts at
     * {@code out[outIdx + r·ldo]}.
     */
    static void compute(int kc, float[] a, int aIdx, int lda, float[] b, int bIdx, float[] out, int outIdx, int ldo) {
        final int lanes = Blocking.LANES;
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        final int a1 = lda, a2 = 2 * lda, a3 = 3 * lda, nextPanel = kc * Blocking.NR;
        for (int p = 0; p < kc; p++) {
            // Indices linear in p alone, so that C2 can hoist the bounds checks out of the loop.
            int ap = aIdx + p, bp = bIdx + p * Blocking.NR, bq = bp + nextPanel;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bp);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bp + lanes);
            FloatVector b2 = FloatVector.fromArray(Blocking.F, b, bq);
            FloatVector b3 = FloatVector.fromArray(Blocking.F, b, bq + lanes);
            FloatVector x = FloatVector.broadcast(Blocking.F, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(Blocking.F, a[ap + a1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(Blocking.F, a[ap + a2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(Blocking.F, a[ap + a3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        store(c00, c01, c02, c03, out, outIdx);
        store(c10, c11, c12, c13, out, outIdx + ldo);
        store(c20, c21, c22, c23, out, outIdx + 2 * ldo);
        store(c30, c31, c32, c33, out, outIdx + 3 * ldo);
    }

    private static void store(FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3, float[] out, int at) {
        final int lanes = Blocking.LANES;
        v0.intoArray(out, at);
        v1.intoArray(out, at + lanes);
        v2.intoArray(out, at + 2 * lanes);
        v3.intoArray(out, at + 3 * lanes);
    }
}
