package org.vectorkernels.internal.panama.f64;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
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
import org.vectorkernels.internal.config.Profile;

/**
 * The double precision GEMM generated from the float source, before a public call reaches it,
 * against OpenBLAS's {@code cblas_dgemm} on the same operands (off-heap copies for OpenBLAS), one
 * thread: which blocks and tile to give the double profile. {@code plan} is "MR/NV/KC/MC/NC" and
 * the flags of the float profiles (edge kernel, interleaved A, wide tile) as 0 or 1. It sits in
 * the library's package, on the class path, to call the package's own pieces.
 *
 * <p>{@code OPENBLAS_CORETYPE=SkylakeX java --add-modules jdk.incubator.vector -cp
 * benchmarks/target/benchmarks.jar org.openjdk.jmh.Main DgemmPathsBenchmark -p shape=1024}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-Dvectorkernels.threads=1"})
@State(Scope.Thread)
public class DgemmPathsBenchmark {
    @Param({"256", "1024", "2048", "256x784x512"})
    public String shape;

    /** zen5-512-double, the shipped double profile of Zen 5 (docs/performance.md, eleventh session). */
    @Param({"8/2/1024/64/1024/1/1/1"})
    public String plan;

    private int m, n, k;
    private double[] a, b, c;
    private DoublePointer pa, pb, pc;
    private Plan p;

    @Setup
    public void setUp() {
        String[] s = shape.split("x");
        m = Integer.parseInt(s[0]);
        k = s.length == 1 ? m : Integer.parseInt(s[1]);
        n = s.length == 1 ? m : Integer.parseInt(s[2]);
        SplittableRandom rnd = new SplittableRandom(42);
        a = rnd.doubles((long) m * k, -1, 1).toArray();
        b = rnd.doubles((long) k * n, -1, 1).toArray();
        c = new double[m * n];
        String[] f = plan.split("/");
        p = Plan.of(new Profile("bench", Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]), "DgemmPathsBenchmark", 4L << 20,
                f[5].equals("1"), f[6].equals("1"), f[7].equals("1"))).orElseThrow();
        openblas.blas_set_num_threads(1);
        pa = new DoublePointer(a);
        pb = new DoublePointer(b);
        pc = new DoublePointer(c);
    }

    @TearDown
    public void tearDown() {
        pa.close();
        pb.close();
        pc.close();
    }

    @Benchmark
    public double[] generated() {
        DgemmPaths.dgemm(p, false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n, null, 0, false, null, 0);
        return c;
    }

    @Benchmark
    public DoublePointer openblas() {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1, pa, k, pb, n, 0, pc, n);
        return pc;
    }
}
