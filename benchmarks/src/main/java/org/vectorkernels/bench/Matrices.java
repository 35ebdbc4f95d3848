package org.vectorkernels.bench;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Random row-major operands of one shape: A (m×k), B (k×n) and C (m×n), on the Java heap. */
@State(Scope.Thread)
public class Matrices {
    @Param({"64", "128", "256", "512", "1024", "2048", "256x784x512", "64x4096x4096"})
    public String shape;

    int m, n, k;
    float[] a, b, c;

    @Setup
    public void setUp() {
        Shape s = Shape.parse(shape);
        m = s.m();
        n = s.n();
        k = s.k();
        SplittableRandom rnd = new SplittableRandom(42);
        a = random(rnd, m * k);
        b = random(rnd, k * n);
        c = new float[m * n];
    }

    /** size floats drawn uniformly from [-1, 1): every benchmark's operands. */
    public static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
