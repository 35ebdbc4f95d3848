// GENERATED from src/main/java/org/vectorkernels/internal/panama/EightRowTranspose.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * Packs eight rows of A not transposed into an interleaved panel (see {@link Packing#packA}),
 * sixteen k steps at a time: eight row vectors, three rounds of pairwise zips (each a two-vector
 * rearrange), eight stores. A scalar copy of the same took four times as long (1024³, Zen 5).
 */
final class EightRowTranspose {
    private EightRowTranspose() {}

    /** 16-lane vectors, on which the shuffles below are built. */
    private static final boolean SIXTEEN_LANES = Species.LANES == 16;

    /** Whether it serves panels of {@code mr} rows: 8 rows, and 16-lane vectors. */
    static boolean applies(int mr) {
        return mr == 8 && SIXTEEN_LANES;
    }

    private static final VectorShuffle<Double> ZIP_LO = zip(1, false), ZIP_HI = zip(1, true);
    private static final VectorShuffle<Double> ZIP2_LO = zip(2, false), ZIP2_HI = zip(2, true);
    private static final VectorShuffle<Double> ZIP4_LO = zip(4, false), ZIP4_HI = zip(4, true);

    /**
     * Interleaves the first (or second) halves of two vectors n lanes at a time: a negative index
     * takes lane (index + LANES) of the second vector. The identity where it does not apply.
     */
    private static VectorShuffle<Double> zip(int n, boolean high) {
        final int lanes = Species.LANES;
        return VectorShuffle.fromOp(Species.F, i -> !SIXTEEN_LANES ? i
                : (i % (2 * n) < n ? 0 : -lanes) + (high ? lanes / 2 : 0) + i / (2 * n) * n + i % n);
    }

    /** Packs whole 16-step groups from {@code a[first]} (rows lda apart); returns the steps packed. */
    static int steps(double[] a, int first, int lda, int kc, double[] dst, int panel) {
        final int mr = 8, lanes = Species.LANES;
        int p = 0;
        for (; p + lanes <= kc; p += lanes) {
            int r = first + p;
            DoubleVector r0 = DoubleVector.fromArray(Species.F, a, r);
            DoubleVector r1 = DoubleVector.fromArray(Species.F, a, r + lda);
            DoubleVector r2 = DoubleVector.fromArray(Species.F, a, r + 2 * lda);
            DoubleVector r3 = DoubleVector.fromArray(Species.F, a, r + 3 * lda);
            DoubleVector r4 = DoubleVector.fromArray(Species.F, a, r + 4 * lda);
            DoubleVector r5 = DoubleVector.fromArray(Species.F, a, r + 5 * lda);
            DoubleVector r6 = DoubleVector.fromArray(Species.F, a, r + 6 * lda);
            DoubleVector r7 = DoubleVector.fromArray(Species.F, a, r + 7 * lda);
            DoubleVector s0 = r0.rearrange(ZIP_LO, r1), s1 = r0.rearrange(ZIP_HI, r1);
            DoubleVector s2 = r2.rearrange(ZIP_LO, r3), s3 = r2.rearrange(ZIP_HI, r3);
            DoubleVector s4 = r4.rearrange(ZIP_LO, r5), s5 = r4.rearrange(ZIP_HI, r5);
            DoubleVector s6 = r6.rearrange(ZIP_LO, r7), s7 = r6.rearrange(ZIP_HI, r7);
            DoubleVector t0 = s0.rearrange(ZIP2_LO, s2), t1 = s0.rearrange(ZIP2_HI, s2);
            DoubleVector t2 = s1.rearrange(ZIP2_LO, s3), t3 = s1.rearrange(ZIP2_HI, s3);
            DoubleVector t4 = s4.rearrange(ZIP2_LO, s6), t5 = s4.rearrange(ZIP2_HI, s6);
            DoubleVector t6 = s5.rearrange(ZIP2_LO, s7), t7 = s5.rearrange(ZIP2_HI, s7);
            int d = panel + p * mr;
            t0.rearrange(ZIP4_LO, t4).intoArray(dst, d);
            t0.rearrange(ZIP4_HI, t4).intoArray(dst, d + lanes);
            t1.rearrange(ZIP4_LO, t5).intoArray(dst, d + 2 * lanes);
            t1.rearrange(ZIP4_HI, t5).intoArray(dst, d + 3 * lanes);
            t2.rearrange(ZIP4_LO, t6).intoArray(dst, d + 4 * lanes);
            t2.rearrange(ZIP4_HI, t6).intoArray(dst, d + 5 * lanes);
            t3.rearrange(ZIP4_LO, t7).intoArray(dst, d + 6 * lanes);
            t3.rearrange(ZIP4_HI, t7).intoArray(dst, d + 7 * lanes);
        }
        return p;
    }
}
