package org.vectorkernels.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * The activation and softmax kernels behind {@code Relu}, {@code Sigmoid} and
 * {@code SoftmaxWithLoss}: the Vector API kernels against the plain loops of the scalar
 * fallback (Math.exp), on rows × cols floats, outputs preallocated. One thread.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ActivationBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class ActivationBenchmark {
    /** rows × cols: a batch of logits, a hidden layer, a large activation. */
    @Param({"100x10", "100x100", "1024x1024"})
    public String shape;

    private final Kernels vector = VectorizationProvider.kernels();
    private final Kernels scalar = new ScalarKernels("benchmark baseline");
    private int rows, cols, n;
    private float[] x, y, dout, dx;
    private double[] lse;
    private boolean[] mask;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        rows = Integer.parseInt(p[0]);
        cols = Integer.parseInt(p[1]);
        n = rows * cols;
        SplittableRandom rnd = new SplittableRandom(1);
        x = new float[n];
        dout = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-8, 8);
            dout[i] = (float) rnd.nextDouble(-1, 1);
        }
        y = new float[n];
        dx = new float[n];
        lse = new double[rows];
        mask = new boolean[n];
    }

    @Benchmark
    public float[] reluVector() {
        vector.relu(n, x, y, mask);
        vector.reluBackward(n, dout, mask, dx);
        return dx;
    }

    @Benchmark
    public float[] reluScalar() {
        scalar.relu(n, x, y, mask);
        scalar.reluBackward(n, dout, mask, dx);
        return dx;
    }

    @Benchmark
    public float[] sigmoidVector() {
        vector.sigmoid(n, x, y);
        vector.sigmoidBackward(n, dout, y, dx);
        return dx;
    }

    @Benchmark
    public float[] sigmoidScalar() {
        scalar.sigmoid(n, x, y);
        scalar.sigmoidBackward(n, dout, y, dx);
        return dx;
    }

    @Benchmark
    public float[] softmaxVector() {
        vector.softmaxRows(rows, cols, x, y, lse);
        return y;
    }

    @Benchmark
    public float[] softmaxScalar() {
        scalar.softmaxRows(rows, cols, x, y, lse);
        return y;
    }
}
