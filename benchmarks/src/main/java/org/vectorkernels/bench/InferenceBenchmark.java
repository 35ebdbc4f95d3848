package org.vectorkernels.bench;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.vectorkernels.Parallelism;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Tensor;

/**
 * Inference of the 784 → 100 → 10 network (forward and the argmax of each row) on batches of
 * {@code batch} images: the training-form network's {@code predict}, which multiplies by its
 * weights as they are, against {@link Sequential#forInference}, whose weights are packed once.
 * {@code java -jar benchmarks/target/benchmarks.jar InferenceBenchmark -p batch=1,8,64 -p threads=1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class InferenceBenchmark {
    @Param({"1", "8", "64"})
    public int batch;

    @Param({"1"})
    public int threads;

    private Sequential training, inference;
    private Tensor x;
    private final int[] classes = new int[64];

    @Setup(Level.Trial)
    public void setUp() {
        Parallelism.setThreads(threads);
        training = Sequential.twoLayerNet(784, 100, 10, 7);
        inference = training.forInference();
        x = Tensor.of(Matrices.random(new SplittableRandom(8), batch * 784), batch, 784);
    }

    @Benchmark
    public int[] trainingFormPredict() {
        return argmax(training.predict(x));
    }

    @Benchmark
    public int[] packedPredict() {
        return argmax(inference.predict(x));
    }

    private int[] argmax(Tensor logits) {
        float[] y = logits.data();
        int c = logits.dim(1);
        for (int i = 0; i < logits.dim(0); i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                best = y[i * c + j] > y[i * c + best] ? j : best;
            }
            classes[i] = best;
        }
        return classes;
    }
}
