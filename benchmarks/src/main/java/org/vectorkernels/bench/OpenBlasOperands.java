package org.vectorkernels.bench;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The operands copied off-heap once, so that OpenBLAS is timed without JNI array copies,
 * single-threaded unless the benchmark sets a thread count. Which kernels it runs depends on OPENBLAS_CORETYPE in the environment.
 */
@State(Scope.Thread)
public class OpenBlasOperands {
    FloatPointer a, b, c;

    @Setup(Level.Trial)
    public void setUp(Matrices x, BenchmarkParams params) {
        // One thread, unless the benchmark has a "threads" parameter (ParallelBenchmark).
        String threads = params.getParam("threads");
        openblas.blas_set_num_threads(threads == null ? 1 : Integer.parseInt(threads));
        a = new FloatPointer(x.a);
        b = new FloatPointer(x.b);
        c = new FloatPointer(x.c);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
        b.close();
        c.close();
    }
}
