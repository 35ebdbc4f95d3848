package org.vectorkernels.nn;

import java.util.SplittableRandom;

import org.vectorkernels.Epilogue;
import org.vectorkernels.Gemm;
import org.vectorkernels.Reductions;

/**
 * Gets the kernels compiled before the work that matters. Until HotSpot's C2 has compiled them,
 * the Vector API runs interpreted or in C1, where every vector operation is an object: the first
 * thousands of calls are tens of times slower than the rest (a fresh JVM's first epoch of the
 * Fashion-MNIST example, about 2 s, against 0.3 s for the next). {@link #run} makes those calls on
 * small operands, on the paths a dense network takes (each GEMM form, the epilogues, the column
 * sums, the activations, softmax), so that C2 compiles them meanwhile.
 *
 * <p>Call it once at start-up, best in a thread of your own while the program does something
 * else (reads its data, say): on a 2-vCPU Zen 5 it took 2.5–3.4 s of one core beside the JIT
 * compiler's, most of it the wait for C2, not the rounds. Results of later calls do not depend
 * on it. It starts no thread. It lives beside the layers it trains (the core package does not
 * depend on this one).
 * <pre>{@code
 * Thread warmUp = Thread.ofPlatform().name("vector-kernels warm-up").start(WarmUp::run);
 * ... load data ...
 * warmUp.join();
 * }</pre>
 */
public final class WarmUp {
    /** Rounds of {@link #run()}: on Zen 5, 300 left the first epoch of the example at 0.4–0.5× the next ones, 1000 at 0.7×. */
    public static final int DEFAULT_ROUNDS = 1000;

    private WarmUp() {}

    /**
     * {@link #run(int)} with {@link #DEFAULT_ROUNDS}.
     *
     * @return the nanoseconds it took
     */
    public static long run() {
        return run(DEFAULT_ROUNDS);
    }

    /**
     * Runs {@code rounds} rounds of small calls on every kernel path.
     *
     * @param rounds how many rounds; not negative (0 does nothing)
     * @return the nanoseconds it took
     */
    public static long run(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds = " + rounds + " must be >= 0");
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(1);
        // A batch of 24 rows through 600 → 72 → 10: edge tiles in both directions, two k blocks.
        int batch = 24, in = 600, hidden = 72, classes = 10;
        Sequential net = Sequential.twoLayerNet(in, hidden, classes, 1);
        Sgd sgd = new Sgd(1e-3f);
        Tensor x = Tensor.of(randoms(random, batch * in), batch, in);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        float[] row = randoms(random, in), out = new float[hidden], sums = new float[hidden];
        float[] small = randoms(random, 16 * 16), product = new float[16 * 16];
        float[] w = net.parameters().get(0).value().data();
        for (int r = 0; r < rounds; r++) {
            net.trainStep(x, labels, sgd);
            net.accuracy(x, labels);
            // One row (m = 1), the unpacked path for tiny products, and the column sums alone.
            Gemm.sgemm(false, false, 1, hidden, in, 1f, row, 0, in, w, 0, hidden, 0f, out, 0, hidden, Epilogue.NONE);
            Gemm.sgemm(16, 16, 16, small, small, product);
            Reductions.sumRows(in, hidden, w, 0, hidden, sums, 0, false);
        }
        return System.nanoTime() - start;
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }
}
