package org.vectorkernels.bench;

import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FP32 FMA peak of one core as the Vector API reaches it: twelve independent FMA chains
 * in registers, nothing from memory. Score in ns per FMA instruction; GFLOP/s = 2·lanes / score.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar FmaPeakBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FmaPeakBenchmark {
    static final int STEPS = 1 << 16;
    /** FMAs per call of either loop: 12 independent accumulators, STEPS times. */
    static final int FMAS_PER_CALL = 12 * STEPS;
    static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;
    static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;

    float seed = 0.999f;

    // The two loops are twins on purpose: a shared helper taking the vectors was not inlined by
    // C2, which then boxed every vector (6.1 ns instead of 0.28 ns per FMA, measured here).
    @Benchmark
    @OperationsPerInvocation(FMAS_PER_CALL)
    public float fma512() {
        FloatVector a = FloatVector.broadcast(S512, seed), b = FloatVector.broadcast(S512, 1e-3f);
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(a, b); c1 = c1.fma(a, b); c2 = c2.fma(a, b); c3 = c3.fma(a, b);
            c4 = c4.fma(a, b); c5 = c5.fma(a, b); c6 = c6.fma(a, b); c7 = c7.fma(a, b);
            c8 = c8.fma(a, b); c9 = c9.fma(a, b); c10 = c10.fma(a, b); c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    @OperationsPerInvocation(FMAS_PER_CALL)
    public float fma256() {
        FloatVector a = FloatVector.broadcast(S256, seed), b = FloatVector.broadcast(S256, 1e-3f);
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(a, b); c1 = c1.fma(a, b); c2 = c2.fma(a, b); c3 = c3.fma(a, b);
            c4 = c4.fma(a, b); c5 = c5.fma(a, b); c6 = c6.fma(a, b); c7 = c7.fma(a, b);
            c8 = c8.fma(a, b); c9 = c9.fma(a, b); c10 = c10.fma(a, b); c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
