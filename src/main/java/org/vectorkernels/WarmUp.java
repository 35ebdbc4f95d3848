package org.vectorkernels;

import java.util.SplittableRandom;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * Gets the kernels compiled before the work that matters. Until HotSpot's C2 has compiled them,
 * the Vector API runs interpreted or in C1, where every vector operation is an object: the first
 * thousands of calls are tens of times slower than the rest (a fresh JVM's first epoch of the
 * Fashion-MNIST example, about 2 s, against 0.3 s for the next). {@link #run} makes those calls on
 * small operands, on the paths a dense network takes (each GEMM form, packed weights, the epilogues,
 * the column sums, the activations, softmax), so that C2 compiles them meanwhile.
 *
 * <p>Call it once at start-up, best in a thread of your own while the program does something
 * else (reads its data, say): on a 2-vCPU Zen 5 it took 2.5–3.4 s of one core beside the JIT
 * compiler's, most of it the wait for C2, not the rounds. Results of later calls do not depend
 * on it. It starts no thread.
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
        // A batch of 24 rows through 600 → 72 → 10, as a two-layer network trains and predicts:
        // edge tiles in both directions, two k blocks of the smaller profiles.
        int batch = 24, in = 600, hidden = 72, classes = 10;
        float[] x = randoms(random, batch * in), w1 = randoms(random, in * hidden), w2 = randoms(random, hidden * classes);
        float[] b1 = randoms(random, hidden), b2 = randoms(random, classes);
        float[] h = new float[batch * hidden], logits = new float[batch * classes], probs = new float[batch * classes];
        float[] dh = new float[batch * hidden], dx = new float[batch * in], dw1 = new float[in * hidden];
        float[] dw2 = new float[hidden * classes], db1 = new float[hidden], db2 = new float[classes];
        boolean[] mask = new boolean[batch * hidden];
        double[] logSumExp = new double[batch];
        float[] row = randoms(random, in), out = new float[hidden], sums = new float[hidden];
        float[] small = randoms(random, 16 * 16), product = new float[16 * 16];
        PackedMatrix packed = Gemm.packB(false, in, hidden, w1, 0, hidden);
        Kernels kernels = VectorizationProvider.kernels();
        for (int r = 0; r < rounds; r++) {
            // Forward: Affine (bias fused), ReLU, Affine, softmax; and the packed form a network for inference runs.
            Gemm.sgemm(false, false, batch, hidden, in, 1f, x, 0, in, w1, 0, hidden, 0f, h, 0, hidden, Epilogue.bias(b1));
            kernels.relu(h.length, h, h, mask);
            Gemm.sgemm(false, false, batch, classes, hidden, 1f, h, 0, hidden, w2, 0, classes, 0f, logits, 0, classes,
                    Epilogue.bias(b2));
            kernels.softmaxRows(batch, classes, logits, probs, logSumExp);
            Gemm.sgemm(false, batch, 1f, x, 0, in, packed, 0f, h, 0, hidden, Epilogue.bias(b1).withRelu());
            // Backward: dW and db in one pass over dY, dX = dY·Wᵀ, ReLU's and sigmoid's backward.
            Gemm.sgemmWithColumnSums(true, false, hidden, classes, batch, 1f, h, 0, hidden, probs, 0, classes,
                    0f, dw2, 0, classes, db2, 0, false);
            Gemm.sgemm(false, true, batch, hidden, classes, 1f, probs, 0, classes, w2, 0, classes, 0f, dh, 0, hidden);
            kernels.reluBackward(dh.length, dh, mask, dh);
            Gemm.sgemmWithColumnSums(true, false, in, hidden, batch, 1f, x, 0, in, dh, 0, hidden,
                    0f, dw1, 0, hidden, db1, 0, false);
            Gemm.sgemm(false, true, batch, in, hidden, 1f, dh, 0, hidden, w1, 0, hidden, 0f, dx, 0, in);
            kernels.sigmoid(dh.length, dh, h);
            kernels.sigmoidBackward(dh.length, dh, h, dh);
            // One row (m = 1), the unpacked path for tiny products, and the column sums alone.
            Gemm.sgemm(false, false, 1, hidden, in, 1f, row, 0, in, w1, 0, hidden, 0f, out, 0, hidden, Epilogue.NONE);
            Gemm.sgemm(16, 16, 16, small, small, product);
            Reductions.sumRows(in, hidden, w1, 0, hidden, sums, 0, false);
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
