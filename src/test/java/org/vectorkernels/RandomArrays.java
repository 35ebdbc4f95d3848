package org.vectorkernels;

import java.util.SplittableRandom;

import org.vectorkernels.nn.Tensor;

/** Random operands for the tests: never zeros, so that a missed element shows. */
public final class RandomArrays {
    private RandomArrays() {}

    /** n floats drawn uniformly from [-1, 1). */
    public static float[] floats(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    /** n doubles drawn uniformly from [-1, 1), for the double twins of tests that use {@link #floats}. */
    public static double[] doubles(SplittableRandom rnd, int n) {
        return rnd.doubles(n, -1, 1).toArray();
    }

    /** A tensor of this shape, its values drawn as {@link #floats} draws them. */
    public static Tensor tensor(SplittableRandom rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        System.arraycopy(floats(rnd, t.size()), 0, t.data(), 0, t.size());
        return t;
    }
}
