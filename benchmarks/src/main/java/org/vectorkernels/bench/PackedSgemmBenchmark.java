package org.vectorkernels.bench;

import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
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
import org.vectorkernels.Epilogue;
import org.vectorkernels.Gemm;
import org.vectorkernels.PackedMatrix;
import org.vectorkernels.Parallelism;

/**
 * C = A·B with B packed once ({@link Gemm#packB}) against the ordinary call, which packs B again
 * each time, and against OpenBLAS (which does too), on {@code threads} threads: the weights of a
 * served model times a new batch. Shapes as in {@link Matrices}, M×K×N; with {@code transB} B is
 * read as stored N×K (the layout of PyTorch's weights).
 * {@code OPENBLAS_CORETYPE=SkylakeX java -jar benchmarks/target/benchmarks.jar PackedSgemmBenchmark
 * -p shape=1x4096x4096,16x4096x4096,64x4096x4096,256x784x512,100x784x100 -p threads=1,2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class PackedSgemmBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"false"})
    public boolean transB;

    @Setup(Level.Trial)
    public void setThreads() {
        Parallelism.setThreads(threads); // OpenBlasOperands reads the same parameter for OpenBLAS
    }

    @State(Scope.Thread)
    public static class Packed {
        PackedMatrix b;

        @Setup(Level.Trial)
        public void setUp(Matrices x, PackedSgemmBenchmark bench) {
            b = Gemm.packB(bench.transB, x.k, x.n, x.b, 0, bench.transB ? x.k : x.n);
        }
    }

    @Benchmark
    public float[] packed(Matrices x, Packed p) {
        Gemm.sgemm(false, x.m, 1f, x.a, 0, x.k, p.b, 0f, x.c, 0, x.n, Epilogue.NONE);
        return x.c;
    }

    @Benchmark
    public float[] unpacked(Matrices x) {
        Gemm.sgemm(false, transB, x.m, x.n, x.k, 1f, x.a, 0, x.k, x.b, 0, transB ? x.k : x.n, 0f, x.c, 0, x.n);
        return x.c;
    }

    @Benchmark
    public FloatPointer openblas(Matrices x, OpenBlasOperands o) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                x.m, x.n, x.k, 1f, o.a, x.k, o.b, transB ? x.k : x.n, 0f, o.c, x.n);
        return o.c;
    }
}
