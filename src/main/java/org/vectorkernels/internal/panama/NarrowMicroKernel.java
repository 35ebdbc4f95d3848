package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel for a last panel of B no wider than one vector (n = 100 leaves 4 columns past
 * three 32-column panels): MR rows × 1 vector, where {@link MicroKernel} would compute a second
 * vector of zeros. The same operations per element in the same order, so the same results.
 * It reads only the first vector of each k step of the panel, whose stride stays NR.
 */
final class NarrowMicroKernel {
    static final int MR = Blocking.MR;
    /** The widest last panel taken here. */
    static final int MAX_COLUMNS = Blocking.LANES;

    private NarrowMicroKernel() {}

    /**
     * As {@link MicroKernel#compute}, for the first LANES columns of the panel at {@code bIdx}; A's k
     * steps are {@code aStep} apart, as in {@link SteppedMicroKernel} (bound by its broadcasts, this
     * kernel did not measurably mind the bounds checks that a step parameter leaves in its loop).
     */
    static void compute(int kc, float[] a, int aIdx, int lda, int aStep, float[] b, int bIdx, float[] out, int outIdx, int ldo) {
        final FloatVector zero = FloatVector.zero(Blocking.F);
        FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
        final int a1 = lda, a2 = 2 * lda, a3 = 3 * lda, a4 = 4 * lda, a5 = 5 * lda, a6 = 6 * lda, a7 = 7 * lda;
        for (int p = 0; p < kc; p++) {
            int ap = aIdx + p * aStep;
            FloatVector b0 = FloatVector.fromArray(Blocking.F, b, bIdx + p * Blocking.NR);
            c0 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap]), c0);
            if (MR > 1) {
                c1 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a1]), c1);
            }
            if (MR > 2) {
                c2 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a2]), c2);
            }
            if (MR > 3) {
                c3 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a3]), c3);
            }
            if (MR > 4) {
                c4 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a4]), c4);
            }
            if (MR > 5) {
                c5 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a5]), c5);
            }
            if (MR > 6) {
                c6 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a6]), c6);
            }
            if (MR > 7) {
                c7 = b0.fma(FloatVector.broadcast(Blocking.F, a[ap + a7]), c7);
            }
        }
        int o = outIdx;
        store(c0, out, o, 0);
        store(c1, out, o += ldo, 1);
        store(c2, out, o += ldo, 2);
        store(c3, out, o += ldo, 3);
        store(c4, out, o += ldo, 4);
        store(c5, out, o += ldo, 5);
        store(c6, out, o += ldo, 6);
        store(c7, out, o += ldo, 7);
    }

    private static void store(FloatVector v, float[] out, int at, int row) {
        if (row < MR) {
            v.intoArray(out, at);
        }
    }
}
