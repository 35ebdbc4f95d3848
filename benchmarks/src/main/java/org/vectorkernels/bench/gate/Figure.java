package org.vectorkernels.bench.gate;

import java.util.List;

/**
 * One figure the gate judges: a JMH benchmark method at one shape, timed on the base and on the
 * candidate. {@code work} (floating-point operations, or bytes read for a reduction) only turns
 * the time into a rate for the table; the verdict compares times. {@code params} are the class's
 * other JMH parameters ("name=value", or none), the same for every figure of a class.
 * {@code fp64}: the work is in double precision, whose FMA peak is half the FP32 peak that
 * {@code PeakProbe} measures.
 */
record Figure(String id, String className, String method, String shape, List<String> params, double work, String rateUnit,
              boolean fp64) {

    Figure(String id, String className, String method, String shape, double work, String rateUnit) {
        this(id, className, method, shape, List.of(), work, rateUnit, false);
    }

    /**
     * What the gate covers: SGEMM and DGEMM (one thread) small, medium and large, the Affine passes,
     * and sumRows. A base from before DGEMM existed runs no dgemm figure, which the gate then reports as new.
     */
    static List<Figure> suite() {
        return List.of(
                sgemm("64"), sgemm("256"), sgemm("1024"), dgemm("64"), dgemm("256"), dgemm("1024"),
                new Figure("Affine forward 256x784x512", "AffineBenchmark", "forwardFused", "256x784x512",
                        2.0 * 256 * 784 * 512, "GFLOP/s"),
                // dX and dW: two GEMMs of the same size (db is a sum, not counted).
                new Figure("Affine backward 256x784x512", "AffineBenchmark", "backwardFused", "256x784x512",
                        4.0 * 256 * 784 * 512, "GFLOP/s"),
                new Figure("sumRows 4096x4096", "SumRowsBenchmark", "sumRows", "4096x4096", 4.0 * 4096 * 4096, "GB/s"));
    }

    private static Figure sgemm(String n) {
        double s = Double.parseDouble(n);
        return new Figure("sgemm " + n, "SgemmBenchmark", "vectorKernels", n, 2 * s * s * s, "GFLOP/s");
    }

    private static Figure dgemm(String n) {
        double s = Double.parseDouble(n);
        return new Figure("dgemm " + n, "DgemmBenchmark", "vectorKernels", n, List.of("threads=1"), 2 * s * s * s, "GFLOP/s", true);
    }

    /** The FMA peak of this figure's precision, from the FP32 peak its JVM measured. */
    double peakOf(double fp32Peak) {
        return fp64 ? fp32Peak / 2 : fp32Peak;
    }

    /** The rate for a time per operation in seconds: GFLOP/s or GB/s. */
    double rate(double seconds) {
        return work / seconds / 1e9;
    }
}
