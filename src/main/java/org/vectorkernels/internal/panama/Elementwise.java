package org.vectorkernels.internal.panama;

import static org.vectorkernels.internal.panama.Species.F;
import static org.vectorkernels.internal.panama.Species.LANES;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The activations and softmax with the Vector API, tails masked (or scalar where a boolean[] is
 * written). exp is computed here from fma and exactly rounded operations rather than with the
 * Vector API's EXP, whose Java fallback (before C2 compiles a loop) and SVML intrinsic (after) can
 * differ in the last bit, which made training runs with the same seeds drift apart. Results may
 * still differ from the scalar kernels' Math.exp in the last bits.
 */
final class Elementwise {
    private static final FloatVector ZERO = FloatVector.zero(F);
    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);
    private static final FloatVector INFINITY = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
    // exp(x) = 2^k · e^r with k = round(x·log2(e)) and r = x − k·ln 2 in two parts (Cody and Waite).
    private static final float LOG2E = 1.44269504f, LN2_HI = 0.693145752f, LN2_LO = 1.42860677e-6f;
    private static final float ROUNDING = 12582912f; // 1.5·2^23: adding it rounds to an integer
    // The constants as vectors, built once: fewer nodes per exp, so that C2 inlines it whole.
    private static final FloatVector V_LOG2E = FloatVector.broadcast(F, LOG2E), V_ROUNDING = FloatVector.broadcast(F, ROUNDING);
    private static final FloatVector V_NEG_LN2_HI = FloatVector.broadcast(F, -LN2_HI), V_NEG_LN2_LO = FloatVector.broadcast(F, -LN2_LO);
    private static final FloatVector C7 = FloatVector.broadcast(F, 1f / 5040), C6 = FloatVector.broadcast(F, 1f / 720),
            C5 = FloatVector.broadcast(F, 1f / 120), C4 = FloatVector.broadcast(F, 1f / 24),
            C3 = FloatVector.broadcast(F, 1f / 6), C2 = FloatVector.broadcast(F, 0.5f);
    /** Below this e^x is under 2^-125 and flushed to zero; above the next it overflows. */
    private static final float EXP_MIN = -86.6f, EXP_MAX = 88.72283f;

    private Elementwise() {}

    static void relu(int n, float[] x, float[] y, boolean[] mask) {
        int i = 0;
        for (; i < F.loopBound(n); i += LANES) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            VectorMask<Float> off = v.compare(VectorOperators.LE, 0f);
            v.blend(ZERO, off).intoArray(y, i);
            if (mask != null) {
                off.intoArray(mask, i);
            }
        }
        for (; i < n; i++) { // masks have no masked store to boolean[]: the tail is scalar
            boolean off = x[i] <= 0f;
            y[i] = off ? 0f : x[i];
            if (mask != null) {
                mask[i] = off;
            }
        }
    }

    static void reluBackward(int n, float[] dout, boolean[] mask, float[] dx) {
        int i = 0;
        for (; i < F.loopBound(n); i += LANES) {
            VectorMask<Float> off = VectorMask.fromArray(F, mask, i);
            FloatVector.fromArray(F, dout, i).blend(ZERO, off).intoArray(dx, i);
        }
        for (; i < n; i++) {
            dx[i] = mask[i] ? 0f : dout[i];
        }
    }

    static void sigmoid(int n, float[] x, float[] y) {
        for (int i = 0; i < n; i += LANES) {
            VectorMask<Float> in = F.indexInRange(i, n);
            FloatVector e = exp(FloatVector.fromArray(F, x, i, in).neg());
            ONE.div(e.add(ONE)).intoArray(y, i, in);
        }
    }

    static void sigmoidBackward(int n, float[] dout, float[] y, float[] dx) {
        for (int i = 0; i < n; i += LANES) {
            VectorMask<Float> in = F.indexInRange(i, n);
            FloatVector yv = FloatVector.fromArray(F, y, i, in);
            FloatVector.fromArray(F, dout, i, in).mul(ONE.sub(yv)).mul(yv).intoArray(dx, i, in);
        }
    }

    static void softmaxRows(int m, int n, float[] x, float[] y, double[] logSumExp) {
        Workspace ws = Workspace.take();
        try {
            float[] scratch = ws.tile(3 * LANES); // three vectors: see padTail and splat
            // One small method per pass, so that C2 inlines exp and keeps every vector in registers.
            // A row's last partial vector goes through scratch padded with −inf (e^−inf = 0), not
            // through masked operations, which C2 did not intrinsify here (they allocated).
            for (int r = 0, row = 0; r < m; r++, row += n) {
                float max = rowMax(n, x, row, scratch);
                float sum = expAndSum(n, x, row, max, y, scratch);
                scaleRow(n, y, row, 1f / sum, scratch);
                logSumExp[r] = max + Math.log(sum); // in double: e.g. 1e8 + ln 2 is 1e8 in float
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /**
     * Copies the last n % LANES (possibly 0) elements of a row, from {@code from} on, to
     * scratch[LANES..2·LANES) padded with −inf. Called before a pass's loop: a call made while
     * vectors are live makes C2 box them.
     */
    private static void padTail(float[] x, int from, int count, float[] scratch) {
        System.arraycopy(x, from, scratch, LANES, count);
        Arrays.fill(scratch, LANES + count, 2 * LANES, Float.NEGATIVE_INFINITY);
    }

    /**
     * {@code value} in every lane, loaded from scratch[2·LANES..3·LANES): C2 did not intrinsify
     * FloatVector.broadcast of a value known only at run time here, and boxed it once per row.
     */
    private static FloatVector splat(float value, float[] scratch) {
        Arrays.fill(scratch, 2 * LANES, 3 * LANES, value);
        return FloatVector.fromArray(F, scratch, 2 * LANES);
    }

    private static float rowMax(int n, float[] x, int row, float[] scratch) {
        int full = F.loopBound(n);
        padTail(x, row + full, n - full, scratch);
        FloatVector maxes = FloatVector.fromArray(F, scratch, LANES);
        for (int j = 0; j < full; j += LANES) {
            maxes = maxes.max(FloatVector.fromArray(F, x, row + j));
        }
        return maxes.reduceLanes(VectorOperators.MAX); // order does not change a maximum
    }

    /** y = e^(x − max) over one row; returns the row's sum, added in a fixed order. */
    private static float expAndSum(int n, float[] x, int row, float max, float[] y, float[] scratch) {
        int full = F.loopBound(n);
        padTail(x, row + full, n - full, scratch);
        FloatVector shift = splat(max, scratch);
        FloatVector sums = FloatVector.zero(F);
        for (int j = 0; j < full; j += LANES) {
            FloatVector e = exp(FloatVector.fromArray(F, x, row + j).sub(shift));
            e.intoArray(y, row + j);
            sums = sums.add(e);
        }
        FloatVector e = exp(FloatVector.fromArray(F, scratch, LANES).sub(shift)); // padding gives 0
        e.intoArray(scratch, LANES);
        sums.add(e).intoArray(scratch, 0);
        float sum = Lanes.sumInOrder(scratch, 0);
        System.arraycopy(scratch, LANES, y, row + full, n - full);
        return sum;
    }

    private static void scaleRow(int n, float[] y, int row, float factor, float[] scratch) {
        FloatVector f = splat(factor, scratch);
        int j = 0;
        for (; j < F.loopBound(n); j += LANES) {
            FloatVector.fromArray(F, y, row + j).mul(f).intoArray(y, row + j);
        }
        for (; j < n; j++) {
            y[row + j] *= factor; // the same single rounding as the vector multiply
        }
    }

    /** e^x within a few ulps, the same in every JIT tier: NaN stays NaN, +inf past the overflow, 0 below 2^-125. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_MIN).min(EXP_MAX);
        // Adding 1.5·2^23 rounds x·log2(e) to an integer k, which then sits in the low bits of the sum.
        FloatVector shifted = xc.fma(V_LOG2E, V_ROUNDING);
        FloatVector k = shifted.sub(V_ROUNDING);
        FloatVector r = k.fma(V_NEG_LN2_HI, xc);
        r = k.fma(V_NEG_LN2_LO, r);
        // e^r for |r| <= ln2/2 by its Taylor series to r^7 (truncation below 1e-8 relative), Horner with fma.
        FloatVector p = C7.fma(r, C6).fma(r, C5).fma(r, C4).fma(r, C3).fma(r, C2);
        p = p.fma(r, ONE);
        p = p.fma(r, ONE);
        // 2^k as 2·2^(k−1), so that k = 128 (just below the overflow) still has an exponent field:
        // (bits + 126) << 23 keeps only the low 9 bits of k + 126, which is in [1, 254].
        IntVector bits = (IntVector) shifted.reinterpretAsInts();
        FloatVector scale = bits.add(126).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector y = p.add(p).mul(scale);
        y = y.blend(ZERO, x.compare(VectorOperators.LT, EXP_MIN));
        return y.blend(INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
    }
}
