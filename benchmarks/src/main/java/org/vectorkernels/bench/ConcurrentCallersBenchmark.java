package org.vectorkernels.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Gemm;
import org.vectorkernels.Parallelism;

/**
 * Two callers at once against one caller that has both threads: sgemm throughput (calls per
 * second, all callers together) with the thread count at {@code threads} (the cores), as when two
 * task slots of a Spark executor call the library together (docs/spark.md). Each caller has
 * operands of its own ({@link Matrices}). The ratio twoCallers ÷ oneCaller is what sharing the
 * count costs or gains; 1000x784x100 is a scoring batch of the example network's first layer.
 * {@code java -jar benchmarks/target/benchmarks.jar ConcurrentCallersBenchmark -p shape=1000x784x100,256x784x512,1024}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ConcurrentCallersBenchmark {
    @Param({"2"})
    public int threads;

    @Setup(Level.Trial)
    public void setThreads() {
        Parallelism.setThreads(threads);
    }

    @Benchmark
    @Threads(1)
    public float[] oneCaller(Matrices x) {
        return multiply(x);
    }

    @Benchmark
    @Threads(2)
    public float[] twoCallers(Matrices x) {
        return multiply(x);
    }

    private static float[] multiply(Matrices x) {
        Gemm.sgemm(false, false, x.m, x.n, x.k, 1f, x.a, 0, x.k, x.b, 0, x.n, 0f, x.c, 0, x.n);
        return x.c;
    }
}
