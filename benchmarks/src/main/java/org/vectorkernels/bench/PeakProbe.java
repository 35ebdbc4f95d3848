package org.vectorkernels.bench;

import java.util.Arrays;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The FMA peak measured inside a benchmark's own JVM, before each of its iterations, and
 * reported as the secondary result {@code peakGflops}: a benchmark that takes this state can be
 * judged as a fraction of the peak of the very JVM (and moment) it ran in. JMH prints the sum of
 * such a counter over the iterations, so it is 0 in every iteration but the last measured one,
 * which carries the median of the iterations' peaks: the printed figure is a rate, GFLOP/s,
 * and the JSON's raw data holds it once per fork. Best of a few timed
 * calls of {@link FmaPeakBenchmark}'s loops, 512- and 256-bit; about 10 ms per iteration, outside
 * the measured time. The 512-bit loop runs only where 512-bit vectors are native: elsewhere the
 * Vector API emulates it about 100 times slower (300 ms per iteration on an AVX2-only Zen 2).
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class PeakProbe {
    /** The median FMA peak of this fork's measured iterations, in GFLOP/s, in its last iteration; 0 in the others. */
    public double peakGflops;

    private static final boolean NATIVE_512 = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    private final FmaPeakBenchmark fma = new FmaPeakBenchmark();
    private float sink;
    private double measured;
    private double[] peaks = new double[0];

    @Setup(Level.Iteration)
    public void measure() {
        double flopsPerCall = 2.0 * FmaPeakBenchmark.FMAS_PER_CALL;
        double best = 0;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            if (NATIVE_512) {
                sink += fma.fma512();
            }
            long t1 = System.nanoTime();
            sink += fma.fma256();
            long t2 = System.nanoTime();
            best = Math.max(best, Math.max(NATIVE_512 ? flopsPerCall * 16 / (t1 - t0) : 0, flopsPerCall * 8 / (t2 - t1)));
        }
        measured = best + (sink == 42f ? 1e-9 : 0); // keeps the loops' results alive
    }

    /** JMH zeroes the counter after the iteration's set-up, so it is filled in afterwards. */
    @TearDown(Level.Iteration)
    public void report(IterationParams iteration) {
        peakGflops = 0;
        if (iteration.getType() == IterationType.MEASUREMENT) {
            peaks = Arrays.copyOf(peaks, peaks.length + 1);
            peaks[peaks.length - 1] = measured;
            if (peaks.length == iteration.getCount()) {
                double[] sorted = peaks.clone();
                Arrays.sort(sorted);
                peakGflops = sorted[sorted.length / 2];
            }
        }
    }
}
