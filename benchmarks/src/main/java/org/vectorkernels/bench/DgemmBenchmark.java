package org.vectorkernels.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.ludovic.netlib.blas.JavaBLAS;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Gemm;
import org.vectorkernels.Parallelism;
import org.vectorkernels.reference.DoubleNaiveGemm;

/**
 * Dense C = A·B in double precision, row-major, on the same operands: vector-kernels'
 * {@code Gemm.dgemm}, OpenBLAS's {@code cblas_dgemm} (off-heap copies), netlib's VectorBLAS,
 * EJML and the plain triple loop, with {@code threads} threads for vector-kernels and OpenBLAS (the
 * others run one). {@code benchmarks/compare} runs it beside {@code SgemmBenchmark}.
 *
 * <p>{@code OPENBLAS_CORETYPE=SkylakeX java -jar benchmarks/target/benchmarks.jar DgemmBenchmark
 * -p shape=1024 -p threads=1}; without {@code OPENBLAS_CORETYPE} OpenBLAS 0.3.31 takes Zen 5 for
 * Haswell and runs its AVX2 kernels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class DgemmBenchmark {
    @Param({"64", "256", "1024", "2048", "256x784x512"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m, n, k;
    private double[] a, b, c;
    private DoublePointer pa, pb, pc;
    private DMatrixRMaj ea, eb, ec;
    private JavaBLAS netlib;

    @Setup
    public void setUp() {
        Shape s = Shape.parse(shape);
        m = s.m();
        n = s.n();
        k = s.k();
        SplittableRandom rnd = new SplittableRandom(42);
        a = rnd.doubles((long) m * k, -1, 1).toArray();
        b = rnd.doubles((long) k * n, -1, 1).toArray();
        c = new double[m * n];
        Parallelism.setThreads(threads);
        openblas.blas_set_num_threads(threads);
        pa = new DoublePointer(a);
        pb = new DoublePointer(b);
        pc = new DoublePointer(c);
        ea = DMatrixRMaj.wrap(m, k, a);
        eb = DMatrixRMaj.wrap(k, n, b);
        ec = DMatrixRMaj.wrap(m, n, c);
        netlib = JavaBLAS.getInstance();
    }

    @TearDown
    public void tearDown() {
        pa.close();
        pb.close();
        pc.close();
    }

    /** Also reports its JVM's FMA peak ({@link PeakProbe}, FP32; FP64's is half) for the perf gate. */
    @Benchmark
    public double[] vectorKernels(PeakProbe peak) {
        Gemm.dgemm(m, n, k, a, b, c);
        return c;
    }

    @Benchmark
    public DoublePointer openblas() {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1, pa, k, pb, n, 0, pc, n);
        return pc;
    }

    /** netlib's VectorBLAS is column-major: row-major C = A·B is column-major Cᵀ = Bᵀ·Aᵀ. */
    @Benchmark
    public double[] netlib() {
        netlib.dgemm("N", "N", n, m, k, 1, b, n, a, k, 0, c, n);
        return c;
    }

    /** The plain triple loop ({@code DoubleNaiveGemm}): the baseline every kernel is measured against. */
    @Benchmark
    public double[] naive() {
        DoubleNaiveGemm.dgemm(m, n, k, a, b, c);
        return c;
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ea, eb, ec);
        return ec;
    }
}
