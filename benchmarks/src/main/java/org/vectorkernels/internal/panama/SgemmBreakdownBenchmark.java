package org.vectorkernels.internal.panama;

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
import org.vectorkernels.Gemm;
import org.vectorkernels.bench.Matrices;

/**
 * Where one single-threaded {@code Gemm.sgemm} call (C = A·B, row-major, nothing transposed)
 * spends its time: each method runs one part of the blocked path with the loop counts the
 * whole call uses, on the same operands. The micro-kernel alone, the macro-kernel (micro-kernel
 * plus the store of each tile to C), the packing of A and of B; the whole call less those three
 * is everything else (loops, set-up, workspace). Products up to 256³ read A in place instead of
 * packing it: {@code microKernelOnAInPlace} is their micro-kernel (one k block).
 * It sits in the library's package, on the class
 * path, to call the package's own pieces; the profile in use is the one this CPU gets.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.openjdk.jmh.Main SgemmBreakdownBenchmark -p shape=256}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-Dvectorkernels.threads=1"})
@State(Scope.Thread)
public class SgemmBreakdownBenchmark {
    @Param({"64", "256", "1024", "256x784x512"})
    public String shape;

    private int m, n, k, kcMax;
    private float[] a, b, c, packedA, packedB, tile;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = p.length == 1 ? m : Integer.parseInt(p[1]);
        n = p.length == 1 ? m : Integer.parseInt(p[2]);
        SplittableRandom rnd = new SplittableRandom(42);
        a = Matrices.random(rnd, m * k);
        b = Matrices.random(rnd, k * n);
        c = new float[m * n];
        kcMax = Blocking.kBlock(k);
        packedA = new float[Blocking.roundUp(Math.min(m, Blocking.MC), Blocking.MR) * kcMax];
        packedB = new float[Blocking.roundUp(Math.min(n, Blocking.NC), Blocking.NR) * kcMax];
        tile = new float[Blocking.TILE_FLOATS + 1];
        // One block of each, packed once, for the kernels to run on.
        Packing.packA(false, a, 0, k, 0, 0, Math.min(m, Blocking.MC), Math.min(k, kcMax), packedA, 0);
        Packing.packB(false, b, 0, n, 0, 0, Math.min(k, kcMax), Math.min(n, Blocking.NC), packedB, 0, null, 0);
    }

    @Benchmark
    public float[] whole() {
        Gemm.sgemm(m, n, k, a, b, c);
        return c;
    }

    @Benchmark
    public float[] packA() {
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += Blocking.MC) {
                    Packing.packA(false, a, 0, k, ic, pc, Math.min(Blocking.MC, m - ic), kc, packedA, 0);
                }
            }
        }
        return packedA;
    }

    @Benchmark
    public float[] packB() {
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                Packing.packB(false, b, 0, n, pc, jc, kc, Math.min(Blocking.NC, n - jc), packedB, 0, null, 0);
            }
        }
        return packedB;
    }

    /** The micro-kernel and the store of every tile to C, as the whole call runs them. */
    @Benchmark
    public float[] macroKernel() {
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            int nc = Math.min(Blocking.NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += Blocking.MC) {
                    MacroKernel.compute(Math.min(Blocking.MC, m - ic), nc, kc, packedA, 0, Packing.aRowGap(kc), Packing.aStepGap(), Blocking.INTERLEAVED_A, false,
                            packedB, 0, tile,
                            1f, pc == 0 ? 0f : 1f, c, ic * n + jc, n, null, 0, false);
                }
            }
        }
        return c;
    }

    /** The micro-kernel alone, on the same tiles, its results left in the tile buffer. */
    @Benchmark
    public float[] microKernel() {
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            int nc = Math.min(Blocking.NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += Blocking.MC) {
                    int mc = Math.min(Blocking.MC, m - ic);
                    for (int jr = 0; jr < nc; jr += Blocking.NR) {
                        for (int ir = 0; ir < mc; ir += Blocking.MR) {
                            if (Blocking.INTERLEAVED_A) {
                                InterleavedMicroKernel.compute(kc, packedA, ir * kc, packedB, jr * kc, tile, 0, Blocking.NR);
                            } else {
                                MicroKernel.compute(kc, packedA, ir * kc, kc, packedB, jr * kc, tile, 0, Blocking.NR);
                            }
                        }
                    }
                }
            }
        }
        return tile;
    }

    /**
     * The micro-kernel that reads A in place (the call's path up to 256³, A not transposed): the
     * wide tile where the profile has it, else the MR-row one; whole tiles only, as in the call.
     */
    @Benchmark
    public float[] microKernelOnAInPlace() {
        int kc = Math.min(k, kcMax), nc = Math.min(n, Blocking.NC);
        int rows = Blocking.WIDE_TILE ? Blocking.WIDE_MR : Blocking.MR, cols = Blocking.WIDE_TILE ? Blocking.WIDE_NR : Blocking.NR;
        for (int jr = 0; jr + cols <= nc; jr += cols) {
            for (int ir = 0; ir + rows <= m; ir += rows) {
                if (Blocking.WIDE_TILE) {
                    WideMicroKernel.compute(kc, a, ir * k, k, packedB, jr * kc, tile, 0, cols);
                } else {
                    MicroKernel.compute(kc, a, ir * k, k, packedB, jr * kc, tile, 0, cols);
                }
            }
        }
        return tile;
    }
}
