package org.vectorkernels.bench;

import java.util.concurrent.TimeUnit;

import dev.ludovic.netlib.blas.JavaBLAS;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Gemm;
import org.vectorkernels.reference.NaiveGemm;

/**
 * Single-threaded dense C = A·B, row-major, every implementation on the same operands.
 *
 * <p>Run all of it, with a table of GFLOP/s, through {@code benchmarks/compare}; or one method
 * by hand: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar
 * SgemmBenchmark.vectorKernels -p shape=1024}. Set {@code OPENBLAS_CORETYPE=SkylakeX} for
 * OpenBLAS's AVX-512 kernels: 0.3.31 takes Zen 5 for Haswell and runs AVX2 ones.
 * {@code vectorKernels} also reports the FMA peak of its own JVM ({@link PeakProbe}) for the perf gate.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-Dvectorkernels.threads=1"})
public class SgemmBenchmark {

    @Benchmark
    public float[] vectorKernels(Matrices x, PeakProbe peak) {
        Gemm.sgemm(x.m, x.n, x.k, x.a, x.b, x.c);
        return x.c;
    }

    @Benchmark
    public float[] naive(Matrices x) {
        NaiveGemm.sgemm(x.m, x.n, x.k, x.a, x.b, x.c);
        return x.c;
    }

    /** The i-k-j loop: the best plain Java order, which C2 auto-vectorizes. */
    @Benchmark
    public float[] ikj(Matrices x) {
        int m = x.m, n = x.n, k = x.k;
        float[] a = x.a, b = x.b, c = x.c;
        java.util.Arrays.fill(c, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aip * b[p * n + j];
                }
            }
        }
        return c;
    }

    @State(Scope.Thread)
    public static class Ejml {
        FMatrixRMaj a, b, c;

        @Setup
        public void setUp(Matrices x) {
            a = FMatrixRMaj.wrap(x.m, x.k, x.a);
            b = FMatrixRMaj.wrap(x.k, x.n, x.b);
            c = FMatrixRMaj.wrap(x.m, x.n, x.c);
        }
    }

    @Benchmark
    public FMatrixRMaj ejml(Ejml e) {
        CommonOps_FDRM.mult(e.a, e.b, e.c);
        return e.c;
    }

    @Benchmark
    public void openblas(Matrices x, OpenBlasOperands o) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                x.m, x.n, x.k, 1f, o.a, x.k, o.b, x.n, 0f, o.c, x.n);
    }

    @State(Scope.Thread)
    public static class Netlib {
        JavaBLAS blas;

        @Setup
        public void setUp() {
            blas = JavaBLAS.getInstance();
            if (!blas.getClass().getSimpleName().equals("VectorBLAS")) {
                throw new IllegalStateException("netlib picked " + blas.getClass() + ", not VectorBLAS");
            }
        }
    }

    /** netlib's VectorBLAS is column-major: row-major C = A·B is column-major Cᵀ = Bᵀ·Aᵀ. */
    @Benchmark
    public float[] netlib(Matrices x, Netlib nl) {
        nl.blas.sgemm("N", "N", x.n, x.m, x.k, 1f, x.b, x.n, x.a, x.k, 0f, x.c, x.n);
        return x.c;
    }
}
