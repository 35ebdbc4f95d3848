package org.vectorkernels;

import org.vectorkernels.internal.DgemmContract;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.VectorizationProvider;

/** Reductions over row-major matrices, vectorized and deterministic. */
public final class Reductions {
    private static final Kernels KERNELS = VectorizationProvider.kernels();

    private Reductions() {}

    /**
     * Axis-0 sums: {@code out[outOffset + j] := (accumulate ? out[outOffset + j] : 0) + Σ_i x(i, j)}
     * for the m×n matrix {@code x(i, j) = x[xOffset + i*ldx + j]}. Vectorized across columns,
     * each element read once, rows added in order, so the result does not depend on the kernels
     * or the vector width. Arguments are checked before {@code out} is written.
     *
     * @param m rows of x
     * @param n columns of x, and sums written
     * @param x x's elements
     * @param xOffset where x starts in {@code x}
     * @param ldx the distance between rows of x
     * @param out the n sums, from {@code outOffset}
     * @param outOffset where the sums start in {@code out}
     * @param accumulate whether the sums are added to what {@code out} holds (else they replace it)
     */
    public static void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset,
                               boolean accumulate) {
        SgemmContract.sumRows(KERNELS, m, n, x, xOffset, ldx, out, outOffset, accumulate);
    }

    /**
     * {@link #sumRows(int, int, float[], int, int, float[], int, boolean)} in double precision: the
     * same order of additions, the same checks.
     *
     * @param m rows of x
     * @param n columns of x, and sums written
     * @param x x's elements
     * @param xOffset where x starts in {@code x}
     * @param ldx the distance between rows of x
     * @param out the n sums, from {@code outOffset}
     * @param outOffset where the sums start in {@code out}
     * @param accumulate whether the sums are added to what {@code out} holds (else they replace it)
     */
    public static void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset,
                               boolean accumulate) {
        DgemmContract.sumRows(KERNELS, m, n, x, xOffset, ldx, out, outOffset, accumulate);
    }
}
