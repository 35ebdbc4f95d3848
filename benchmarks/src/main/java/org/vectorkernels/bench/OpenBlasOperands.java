package org.vectorkernels.bench;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The operands copied off-heap once, so that OpenBLAS is timed without JNI array copies,
 * single-threaded. Which kernels it runs depends on OPENBLAS_CORETYPE in the environment.
 */
@State(Scope.Thread)
public class OpenBlasOperands {
    FloatPointer a, b, c;

    @Setup(Level.Trial)
    public void setUp(Matrices x) {
        openblas.blas_set_num_threads(1);
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
