package org.vectorkernels.bench.gate;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.vectorkernels.bench.report.JmhResult;

/**
 * One figure the gate judges: a ratio of measurements taken in the same run, so that it does
 * not move with the machine's speed or its neighbours the way raw times do. Higher is better.
 *
 * @param id     a stable name, the key in the baseline
 * @param bench  the benchmark the figure is about, for the table
 * @param shape  its shape
 * @param probes every measurement the figure needs
 * @param value  the figure from those measurements
 */
record Check(String id, String bench, String shape, List<Probe> probes, ToDoubleFunction<Map<Probe, JmhResult>> value) {

    /** One JMH benchmark method at one shape ({@code null} when it has no shape parameter). */
    record Probe(String className, String method, String shape) {
        @Override
        public String toString() {
            return className + "." + method + (shape == null ? "" : " " + shape);
        }
    }

    /** What the gate covers: SGEMM small, medium and large, the Affine passes, and sumRows. */
    static List<Check> suite() {
        return List.of(
                ofPeak("sgemm", "64", gemm("64"), 2.0 * 64 * 64 * 64),
                overNaive("64"),
                ofPeak("sgemm", "256", gemm("256"), 2.0 * 256 * 256 * 256),
                overNaive("256"),
                ofPeak("sgemm", "1024", gemm("1024"), 2.0 * 1024 * 1024 * 1024),
                ofPeak("Affine forward", "256x784x512", new Probe("AffineBenchmark", "forwardFused", "256x784x512"),
                        2.0 * 256 * 784 * 512),
                // dX and dW: two GEMMs of the same size (db is a sum, not counted).
                ofPeak("Affine backward", "256x784x512", new Probe("AffineBenchmark", "backwardFused", "256x784x512"),
                        4.0 * 256 * 784 * 512),
                ofBandwidth());
    }

    private static Probe gemm(String shape) {
        return new Probe("SgemmBenchmark", "vectorKernels", shape);
    }

    /**
     * GFLOP/s as a fraction of the FMA peak measured in the benchmark's own JVM before each
     * iteration ({@code PeakProbe}'s secondary result {@code peakGflops}).
     */
    private static Check ofPeak(String what, String shape, Probe probe, double flops) {
        return new Check(what + " " + shape + ": GFLOP/s ÷ FMA peak", what, shape, List.of(probe),
                r -> flops / r.get(probe).medianSeconds() / (r.get(probe).secondaryMedian("peakGflops") * 1e9));
    }

    private static Check overNaive(String shape) {
        Probe naive = new Probe("SgemmBenchmark", "naive", shape);
        return new Check("sgemm " + shape + ": speed-up over NaiveGemm", "sgemm", shape, List.of(gemm(shape), naive),
                r -> r.get(naive).medianSeconds() / r.get(gemm(shape)).medianSeconds());
    }

    private static Check ofBandwidth() {
        Probe sum = new Probe("SumRowsBenchmark", "sumRows", "4096x4096");
        Probe read = new Probe("SumRowsBenchmark", "readBandwidth", "4096x4096");
        return new Check("sumRows 4096x4096: GB/s ÷ plain read", "sumRows", "4096x4096", List.of(sum, read),
                r -> r.get(read).medianSeconds() / r.get(sum).medianSeconds());
    }
}
