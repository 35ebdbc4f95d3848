package org.vectorkernels.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.vectorkernels.Reductions;

/**
 * Reductions.sumRows over an m×n matrix against the naive loop, EJML's sumCols, OpenBLAS's
 * sgemv with a vector of ones (xᵀ·1, one thread), and a plain vectorized read of the same bytes
 * (the memory bandwidth it can reach). GB/s = 4·m·n / time.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar SumRowsBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-Dvectorkernels.threads=1"})
public class SumRowsBenchmark {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"4096x4096"})
    public String shape;

    int m, n;
    float[] x, out;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        n = Integer.parseInt(p[1]);
        x = Matrices.random(new SplittableRandom(3), m * n);
        out = new float[n];
    }

    @Benchmark
    public float[] sumRows() {
        Reductions.sumRows(m, n, x, 0, n, out, 0, false);
        return out;
    }

    @Benchmark
    public float[] sumRowsNaive() {
        AffineBenchmark.sumRowsLoop(x, out, m, n);
        return out;
    }

    @Benchmark
    public FMatrixRMaj sumRowsEjml(Ejml e) {
        return CommonOps_FDRM.sumCols(e.x, e.out);
    }

    @Benchmark
    public java.nio.FloatBuffer sumRowsOpenBlas(Native o) {
        openblas.cblas_sgemv(openblas.CblasRowMajor, openblas.CblasTrans, m, n, 1f, o.x, n, o.ones, 1, 0f, o.out, 1);
        return o.out;
    }

    @State(Scope.Thread)
    public static class Ejml {
        FMatrixRMaj x, out;

        @Setup
        public void setUp(SumRowsBenchmark s) {
            x = FMatrixRMaj.wrap(s.m, s.n, s.x);
            out = new FMatrixRMaj(1, s.n);
        }
    }

    @State(Scope.Thread)
    public static class Native {
        java.nio.FloatBuffer x, ones, out;

        @Setup
        public void setUp(SumRowsBenchmark s) {
            openblas.blas_set_num_threads(1);
            x = AffineBenchmark.Native.direct(s.x);
            float[] one = new float[s.m];
            java.util.Arrays.fill(one, 1f);
            ones = AffineBenchmark.Native.direct(one);
            out = AffineBenchmark.Native.direct(new float[s.n]);
        }
    }

    /** Reads every byte once with four independent vector sums: the bandwidth ceiling. */
    @Benchmark
    public float readBandwidth() {
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int L = F.length(), i = 0;
        for (; i + 4 * L <= x.length; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(F, x, i));
            s1 = s1.add(FloatVector.fromArray(F, x, i + L));
            s2 = s2.add(FloatVector.fromArray(F, x, i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(F, x, i + 3 * L));
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
