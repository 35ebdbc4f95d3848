package org.vectorkernels.bench;

import java.util.List;
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
import org.vectorkernels.examples.TrainFashionMnist;
import org.vectorkernels.nn.Affine;
import org.vectorkernels.nn.Layer;
import org.vectorkernels.nn.Parameter;
import org.vectorkernels.nn.Relu;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;
import org.vectorkernels.nn.SoftmaxWithLoss;
import org.vectorkernels.nn.Tensor;

/**
 * Where one training step of the example's 784 → 100 → 10 network (a batch of 100) spends its
 * time: the whole {@code Sequential.trainStep}, then each of its pieces alone, on the same layers
 * and data: each Affine's forward (GEMM with the bias epilogue), ReLU forward and backward, softmax
 * with loss forward and backward, the second Affine's backward (dX, and dW with db), the first's
 * (dW with db only: its dX is not computed) and the SGD update. The pieces add up to about the step.
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar TrainingStepBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class TrainingStepBenchmark {
    @Param({"1"})
    public int threads;

    private static final int BATCH = TrainFashionMnist.BATCH, IN = 784;

    private Sequential net;
    private Affine fc1, fc2;
    private Relu relu;
    private final SoftmaxWithLoss loss = new SoftmaxWithLoss();
    private Sgd sgd;
    private List<Parameter> parameters;
    private Tensor x, h1, a1, h2, dLogits, da1, dh1, spare1, spare2;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        Parallelism.setThreads(threads);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] images = new float[BATCH * IN];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) rnd.nextDouble(); // pixels in [0, 1)
        }
        x = Tensor.of(images, BATCH, IN);
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = rnd.nextInt(TrainFashionMnist.CLASSES);
        }
        net = TrainFashionMnist.network(IN);
        List<Layer> layers = net.layers();
        fc1 = (Affine) layers.get(0);
        relu = (Relu) layers.get(1);
        fc2 = (Affine) layers.get(2);
        sgd = new Sgd(TrainFashionMnist.LEARNING_RATE, TrainFashionMnist.MOMENTUM, 0f);
        parameters = net.parameters();
        // One pass of each piece, so that each benchmark below finds the state it needs.
        h1 = fc1.forward(x);
        a1 = relu.forward(h1);
        h2 = fc2.forward(a1);
        loss.forward(h2, labels);
        dLogits = loss.backward();
        da1 = fc2.backward(dLogits);
        dh1 = relu.backward(da1);
        fc1.backwardParameters(dh1);
        spare1 = Tensor.zeros(BATCH, TrainFashionMnist.HIDDEN);
        spare2 = Tensor.zeros(BATCH, TrainFashionMnist.HIDDEN);
    }

    @Benchmark
    public double wholeStep() {
        return net.trainStep(x, labels, sgd);
    }

    @Benchmark
    public Tensor affine1Forward() {
        return fc1.forward(x, h1);
    }

    @Benchmark
    public Tensor reluForward() {
        return relu.forwardReusing(h1, spare1);
    }

    @Benchmark
    public Tensor affine2Forward() {
        return fc2.forward(a1, h2);
    }

    @Benchmark
    public double softmaxLossForward() {
        return loss.forward(h2, labels);
    }

    @Benchmark
    public Tensor softmaxLossBackward() {
        return loss.backward();
    }

    /** dX = dY·Wᵀ (100×10 · 10×100) and dW, db of the second layer. */
    @Benchmark
    public Tensor affine2Backward() {
        return fc2.backward(dLogits, spare2);
    }

    @Benchmark
    public Tensor reluBackward() {
        return relu.backwardReusing(da1, spare1);
    }

    /** dW = Xᵀ·dY (784×100×100) with db from the same pass; no dX. */
    @Benchmark
    public Tensor affine1BackwardParameters() {
        fc1.backwardParameters(dh1);
        return fc1.weightGrad();
    }

    @Benchmark
    public List<Parameter> sgdStep() {
        sgd.step(parameters);
        return parameters;
    }
}
