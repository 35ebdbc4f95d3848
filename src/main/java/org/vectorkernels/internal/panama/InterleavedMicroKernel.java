package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * {@link MicroKernel} for an interleaved packed A (row s, step p at {@code aIdx + p·MR + s}):
 * one stream of A instead of MR, and row offsets that are constants. A twin, not a parameter,
 * for the reason {@link SteppedMicroKernel} gives; at 1024³ on Zen 5 it ran 4–10% faster than
 * MicroKernel on A packed in rows.
 */
final class InterleavedMicroKernel {
    static final int MR = Blocking.MR;

    private InterleavedMicroKernel() {}

    /** As {@link MicroKernel#compute}, for the interleaved panel of A at {@code aIdx}. */
    static void compute(int kc, float[] a, int aIdx, float[] b, int bIdx, float[] out, int outIdx, int ldo) {
        final int lanes = Blocking.LANES;
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c00 = zero, c01 = zero;
        FloatVector c10 = zero, c11 = zero;
        FloatVector c20 = zero, c21 = zero;
        FloatVector c30 = zero, c31 = zero;
        FloatVector c40 = zero, c41 = zero;
        FloatVector c50 = zero, c51 = zero;
        FloatVector c60 = zero, c61 = zero;
        FloatVector c70 = zero, c71 = zero;
        for (int p = 0; p < kc; p++) {
            // Indices linear in p alone, so that C2 can hoist the bounds checks out of the loop.
            int ap = aIdx + p * MR, bp = bIdx + p * Blocking.NR;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bp);
            FloatVector b1 = FloatVector.fromArray(Blocking.F, b, bp + lanes);
            FloatVector x = FloatVector.broadcast(Blocking.F, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            if (MR > 1) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 1]);
                c10 = b0.fma(x, c10);
                c11 = b1.fma(x, c11);
            }
            if (MR > 2) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 2]);
                c20 = b0.fma(x, c20);
                c21 = b1.fma(x, c21);
            }
            if (MR > 3) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 3]);
                c30 = b0.fma(x, c30);
                c31 = b1.fma(x, c31);
            }
            if (MR > 4) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 4]);
                c40 = b0.fma(x, c40);
                c41 = b1.fma(x, c41);
            }
            if (MR > 5) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 5]);
                c50 = b0.fma(x, c50);
                c51 = b1.fma(x, c51);
            }
            if (MR > 6) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 6]);
                c60 = b0.fma(x, c60);
                c61 = b1.fma(x, c61);
            }
            if (MR > 7) {
                x = FloatVector.broadcast(Blocking.F, a[ap + 7]);
                c70 = b0.fma(x, c70);
                c71 = b1.fma(x, c71);
            }
        }
        // Plain stores only: reading C back here as well pushed C2 past its inlining node limit (see TileStore).
        int o = outIdx;
        MicroKernel.store(c00, c01, out, o, 0);
        MicroKernel.store(c10, c11, out, o += ldo, 1);
        MicroKernel.store(c20, c21, out, o += ldo, 2);
        MicroKernel.store(c30, c31, out, o += ldo, 3);
        MicroKernel.store(c40, c41, out, o += ldo, 4);
        MicroKernel.store(c50, c51, out, o += ldo, 5);
        MicroKernel.store(c60, c61, out, o += ldo, 6);
        MicroKernel.store(c70, c71, out, o += ldo, 7);
    }
}
