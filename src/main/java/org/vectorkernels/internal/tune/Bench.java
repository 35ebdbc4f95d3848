package org.vectorkernels.internal.tune;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.vectorkernels.internal.Kernels;

/**
 * Times dense C = A·B in float or double on a fixed set of shapes, one thread, on operands drawn
 * once: what the tuner scores a candidate by. Each shape runs for a warm-up (so that C2 compiles a kernel it
 * has not seen), then for a number of slices whose median rate counts, so that one disturbed
 * slice on a shared machine does not decide.
 */
final class Bench {
    /** An M×K×N product, named as the benchmarks name it: "256", or "256x784x512". */
    record Shape(int m, int k, int n) {
        static Shape parse(String s) {
            String[] d = s.trim().split("x");
            try {
                if (d.length == 1) {
                    int x = Integer.parseInt(d[0]);
                    return check(new Shape(x, x, x), s);
                }
                if (d.length == 3) {
                    return check(new Shape(Integer.parseInt(d[0]), Integer.parseInt(d[1]), Integer.parseInt(d[2])), s);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("shape '" + s + "' is not N or MxKxN");
        }

        private static Shape check(Shape shape, String s) {
            if (shape.m < 1 || shape.k < 1 || shape.n < 1 || (long) shape.m * shape.k > 1 << 26
                    || (long) shape.k * shape.n > 1 << 26 || (long) shape.m * shape.n > 1 << 26) {
                throw new IllegalArgumentException("shape '" + s + "': each side from 1, each operand at most 2^26 floats");
            }
            return shape;
        }

        double flops() {
            return 2.0 * m * k * n;
        }

        @Override
        public String toString() {
            return m == k && k == n ? Integer.toString(m) : m + "x" + k + "x" + n;
        }
    }

    private static final int SLICES = 5;

    private final List<Shape> shapes;
    private final boolean doubles;
    /** The operands of each shape: float[] or double[]. */
    private final Object[] a, b, c;

    Bench(List<Shape> shapes, boolean doubles) {
        this.shapes = List.copyOf(shapes);
        this.doubles = doubles;
        int s = shapes.size();
        a = new Object[s];
        b = new Object[s];
        c = new Object[s];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < s; i++) {
            Shape x = shapes.get(i);
            double[] da = rnd.doubles((long) x.m * x.k, -1, 1).toArray(), db = rnd.doubles((long) x.k * x.n, -1, 1).toArray();
            a[i] = doubles ? da : toFloats(da);
            b[i] = doubles ? db : toFloats(db);
            c[i] = doubles ? new double[x.m * x.n] : new float[x.m * x.n];
        }
    }

    List<Shape> shapes() {
        return shapes;
    }

    /** GFLOP/s on each shape, about {@code nanosPerShape} of running each (a third of it warm-up). */
    double[] measure(Kernels kernels, long nanosPerShape) {
        double[] gflops = new double[shapes.size()];
        for (int i = 0; i < gflops.length; i++) {
            run(kernels, i, nanosPerShape / 3);
            double[] rates = new double[SLICES];
            for (int s = 0; s < SLICES; s++) {
                rates[s] = run(kernels, i, nanosPerShape * 2 / 3 / SLICES);
            }
            Arrays.sort(rates);
            gflops[i] = rates[SLICES / 2];
        }
        return gflops;
    }

    /** Calls for at least {@code nanos} (and at least once); returns the GFLOP/s. */
    private double run(Kernels kernels, int i, long nanos) {
        Shape x = shapes.get(i);
        long start = System.nanoTime(), now;
        long calls = 0;
        do {
            if (doubles) {
                kernels.dgemm(false, false, x.m, x.n, x.k, 1, (double[]) a[i], 0, x.k, (double[]) b[i], 0, x.n, 0,
                        (double[]) c[i], 0, x.n, null, 0, false, null, 0);
            } else {
                kernels.sgemm(false, false, x.m, x.n, x.k, 1f, (float[]) a[i], 0, x.k, (float[]) b[i], 0, x.n, 0f,
                        (float[]) c[i], 0, x.n, null, 0, false, null, 0);
            }
            calls++;
        } while ((now = System.nanoTime()) - start < nanos);
        return calls * x.flops() / (now - start);
    }

    static double geometricMean(double[] x) {
        double log = 0;
        for (double v : x) {
            log += Math.log(v);
        }
        return Math.exp(log / x.length);
    }

    static String format(double[] gflops) {
        StringBuilder s = new StringBuilder();
        for (double g : gflops) {
            s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%7.1f", g));
        }
        return s.toString();
    }

    private static float[] toFloats(double[] x) {
        float[] v = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = (float) x[i];
        }
        return v;
    }
}
