package org.vectorkernels.bench;

import java.io.IOException;
import java.nio.file.Path;
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
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.examples.NaiveTwoLayerNet;
import org.vectorkernels.data.FashionMnist;
import org.vectorkernels.data.SyntheticImages;
import org.vectorkernels.examples.TrainFashionMnist;
import org.vectorkernels.examples.TrainingLoop;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;

/**
 * One training epoch of the 784 → 100 → 10 network (batches of 100, SGD with momentum) over Fashion-MNIST's
 * 60,000 training images (synthetic images of the same size when the data set is not installed):
 * vector-kernels with {@code threads} threads against the same network written with NaiveGemm
 * and plain loops (one thread). One epoch per measurement; warm-up epochs first.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar TrainingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class TrainingBenchmark {
    @Param({"1", "2"})
    public int threads;

    private LabeledImages train;
    private Sequential net;
    private TrainingLoop.Net ours, naive;
    private final SplittableRandom shuffle = new SplittableRandom(TrainFashionMnist.SHUFFLE_SEED);

    @Setup(Level.Trial)
    public void load() throws IOException {
        Parallelism.setThreads(threads);
        Path dir = FashionMnist.DEBIAN_DIR;
        train = FashionMnist.installedIn(dir) ? FashionMnist.train(dir) : SyntheticImages.generate(60_000, 1);
        int features = train.images().size() / train.size();
        net = TrainFashionMnist.network(features);
        float lr = TrainFashionMnist.LEARNING_RATE, momentum = TrainFashionMnist.MOMENTUM;
        ours = TrainingLoop.of(net, new Sgd(lr, momentum, 0f), features);
        naive = new NaiveTwoLayerNet(net, lr, momentum);
    }

    /** C2 needs about two epochs to compile the Vector API paths (seen as 1.4–1.5 s epochs, then 0.6 s). */
    @Benchmark
    @Warmup(iterations = 3)
    public double vectorKernelsEpoch() {
        return TrainingLoop.epoch(ours, train, TrainFashionMnist.BATCH, shuffle, (done, total, loss, rate) -> { });
    }

    @Benchmark
    public double naiveEpoch() {
        return TrainingLoop.epoch(naive, train, TrainFashionMnist.BATCH, shuffle, (done, total, loss, rate) -> { });
    }
}
