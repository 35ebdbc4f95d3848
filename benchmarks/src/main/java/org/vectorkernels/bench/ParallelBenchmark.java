package org.vectorkernels.bench;

import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Gemm;
import org.vectorkernels.Parallelism;
import org.vectorkernels.nn.Affine;
import org.vectorkernels.nn.Tensor;

/**
 * Thread scaling of dense C = A·B: vector-kernels with {@code threads} threads
 * ({@link Parallelism#setThreads}), OpenBLAS with the same number ({@code blas_set_num_threads};
 * run with OPENBLAS_CORETYPE=SkylakeX for its AVX-512 kernels) and EJML's {@code CommonOps_MT_FDRM}
 * (its own pool: the threads parameter does not apply to it); and the Affine layer's forward +
 * backward with X = A and W = B. Shapes as in {@link Matrices}.
 * {@code OPENBLAS_CORETYPE=SkylakeX java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ParallelBenchmark -p shape=1024}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ParallelBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Setup(Level.Trial)
    public void setThreads() {
        Parallelism.setThreads(threads); // OpenBlasOperands reads the same parameter for OpenBLAS
    }

    @Benchmark
    public float[] vectorKernels(Matrices x) {
        Gemm.sgemm(x.m, x.n, x.k, x.a, x.b, x.c);
        return x.c;
    }

    @Benchmark
    public FloatPointer openblas(Matrices x, OpenBlasOperands o) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                x.m, x.n, x.k, 1f, o.a, x.k, o.b, x.n, 0f, o.c, x.n);
        return o.c;
    }

    @Benchmark
    public FMatrixRMaj ejmlConcurrent(Ejml e) {
        CommonOps_MT_FDRM.mult(e.a, e.b, e.c);
        return e.c;
    }

    /** The Affine layer's forward and backward with X = A (batch × in) and W = B (in × out). */
    @Benchmark
    public Tensor affineStep(Layer l) {
        l.layer.forward(l.x, l.y);
        return l.layer.backward(l.dy, l.dx);
    }

    @State(Scope.Thread)
    public static class Layer {
        Affine layer;
        Tensor x, y, dy, dx;

        @Setup(Level.Trial)
        public void setUp(Matrices s) {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
            layer = new Affine(Tensor.of(s.b, s.k, s.n), Tensor.of(Matrices.random(rnd, s.n), s.n));
            x = Tensor.of(s.a, s.m, s.k);
            y = Tensor.zeros(s.m, s.n);
            dy = Tensor.of(Matrices.random(rnd, s.m * s.n), s.m, s.n);
            dx = Tensor.zeros(s.m, s.k);
        }
    }

    @State(Scope.Thread)
    public static class Ejml {
        FMatrixRMaj a, b, c;

        @Setup(Level.Trial)
        public void setUp(Matrices x) {
            a = FMatrixRMaj.wrap(x.m, x.k, x.a);
            b = FMatrixRMaj.wrap(x.k, x.n, x.b);
            c = FMatrixRMaj.wrap(x.m, x.n, x.c);
        }
    }
}
