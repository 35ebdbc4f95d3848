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
    private float[] a, b, c, packedA, tile;
    /** Packed B as the call keeps it: off-heap where the plan says. */
    private PanelsOfB packedB;
    /** The plan this machine gets, as Gemm runs it. */
    private final Plan plan = new PanamaKernels().plan;
    private GemmCall call;

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
        kcMax = plan.kBlock(k);
        packedA = new float[Plan.roundUp(Math.min(m, plan.mc), plan.mr) * kcMax];
        packedB = PanelsOfB.empty(plan.offHeapB).withCapacity(Plan.roundUp(Math.min(n, plan.nc), plan.nr) * kcMax);
        tile = new float[plan.tileFloats + 1];
        // One block of each, packed once, for the kernels to run on.
        Packing.packA(plan, false, a, 0, k, 0, 0, Math.min(m, plan.mc), Math.min(k, kcMax), packedA, 0);
        Packing.packB(plan.nr, false, b, 0, n, 0, 0, Math.min(k, kcMax), Math.min(n, plan.nc), packedB, packedB.start(), null, 0);
        call = GemmCall.take(plan, false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n).finish(null, 0, false, null, 0);
    }

    @Benchmark
    public float[] whole() {
        Gemm.sgemm(m, n, k, a, b, c);
        return c;
    }

    @Benchmark
    public float[] packA() {
        for (int jc = 0; jc < n; jc += plan.nc) {
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += plan.mc) {
                    Packing.packA(plan, false, a, 0, k, ic, pc, Math.min(plan.mc, m - ic), kc, packedA, 0);
                }
            }
        }
        return packedA;
    }

    @Benchmark
    public PanelsOfB packB() {
        for (int jc = 0; jc < n; jc += plan.nc) {
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                Packing.packB(plan.nr, false, b, 0, n, pc, jc, kc, Math.min(plan.nc, n - jc), packedB, packedB.start(), null, 0);
            }
        }
        return packedB;
    }

    /** The micro-kernel and the store of every tile to C, as the whole call runs them. */
    @Benchmark
    public float[] macroKernel() {
        for (int jc = 0; jc < n; jc += plan.nc) {
            int nc = Math.min(plan.nc, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += plan.mc) {
                    MacroKernel.compute(call, plan.onPackedA, ic, jc, Math.min(plan.mc, m - ic), nc, kc, packedA, 0,
                            Packing.aRowGap(plan, kc), Packing.aStepGap(plan), plan.interleavedA, packedB, packedB.start(), kc, 0, tile,
                            pc == 0 ? 0f : 1f, pc + kc >= k);
                }
            }
        }
        return c;
    }

    /** The micro-kernel alone, on the same tiles, its results left in the tile buffer. */
    @Benchmark
    public float[] microKernel() {
        int aStep = Packing.aStepGap(plan);
        for (int jc = 0; jc < n; jc += plan.nc) {
            int nc = Math.min(plan.nc, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                for (int ic = 0; ic < m; ic += plan.mc) {
                    int mc = Math.min(plan.mc, m - ic);
                    for (int jr = 0; jr < nc; jr += plan.nr) {
                        for (int ir = 0; ir < mc; ir += plan.mr) {
                            packedB.tile(plan.onPackedA, kc, packedA, ir * kc, plan.interleavedA ? 1 : kc, aStep,
                                    packedB.start() + jr * kc, 0, tile, 0, plan.nr);
                        }
                    }
                }
            }
        }
        return tile;
    }

    /**
     * The micro-kernel that reads A in place (the call's path up to 256³, A not transposed): the
     * wide tile where the plan has it, else the plan's tile on rows of A; whole tiles only, as in the call.
     */
    @Benchmark
    public float[] microKernelOnAInPlace() {
        int kc = Math.min(k, kcMax), nc = Math.min(n, plan.nc);
        var kernel = plan.wide != null ? plan.wide : plan.onRowsOfA;
        int rows = kernel.rows(), cols = kernel.vectors() * Species.LANES;
        for (int jr = 0; jr + cols <= nc; jr += cols) {
            for (int ir = 0; ir + rows <= m; ir += rows) {
                packedB.tile(kernel, kc, a, ir * k, k, 1, packedB.start() + jr * kc, 0, tile, 0, cols);
            }
        }
        return tile;
    }
}
