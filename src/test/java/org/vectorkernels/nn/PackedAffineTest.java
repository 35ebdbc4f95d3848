package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.vectorkernels.RandomArrays;

/**
 * The inference forms: {@link PackedAffine} computes the same bits as its {@link Affine}, is a
 * snapshot that later training does not reach, and cannot be trained; {@link Sequential#forInference}
 * predicts as its source does, and an update after packing is never silently lost.
 */
class PackedAffineTest {
    @Test
    void packedForwardIsBitwiseTheAffineForward() {
        SplittableRandom rnd = new SplittableRandom(31);
        int[][] shapes = {{1, 784, 100}, {7, 784, 100}, {100, 784, 100}, {64, 100, 10}, {3, 1, 1}, {5, 33, 17}};
        for (int[] s : shapes) {
            for (boolean useBias : new boolean[] {true, false}) {
                Affine affine = Affine.builder(s[1], s[2]).useBias(useBias).biasInitializer(Initializer.constant(0.25f)).seed(s[0]).build();
                affine.setTraining(false);
                PackedAffine packed = affine.forInference();
                Tensor x = tensor(rnd, s[0], s[1]);
                assertArrayEquals(affine.forward(x).data(), packed.forward(x).data(),
                        s[0] + "×" + s[1] + "×" + s[2] + (useBias ? " with bias" : ""));
            }
        }
        Affine affine = Affine.builder(784, 20).seed(3).build();
        Tensor images = tensor(rnd, 4, 784).reshape(4, 28, 28);
        affine.setTraining(false);
        assertArrayEquals(affine.forward(images).data(), affine.forInference().forward(images).data(), "[4, 28, 28] input");
    }

    @Test
    void aPackedLayerIsASnapshotThatCannotBeTrained() {
        SplittableRandom rnd = new SplittableRandom(32);
        Affine affine = Affine.builder(50, 30).seed(4).build();
        Tensor x = tensor(rnd, 8, 50);
        PackedAffine packed = affine.forInference();
        float[] before = packed.forward(x).data();
        // A training step on the source: forward, backward, SGD.
        Tensor y = affine.forward(x);
        affine.backward(tensor(rnd, 8, 30));
        new Sgd(0.5f).step(affine.parameters());
        affine.setTraining(false);
        float[] updated = affine.forward(x).data();
        assertNotEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(updated), "the step changed nothing");
        assertArrayEquals(before, packed.forward(x).data(), "the snapshot moved with its source");
        assertArrayEquals(updated, affine.forInference().forward(x).data(), "a new snapshot does not show the update");
        // Nothing to update, and backward refuses, in either mode.
        assertTrue(packed.parameters().isEmpty());
        packed.setTraining(true);
        packed.forward(x);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> packed.backward(y));
        assertTrue(e.getMessage().contains("forInference"), e.getMessage());
        assertSame(packed, packed.forInference());
        assertEquals(50, packed.weight().rows());
        assertEquals(30, packed.weight().columns());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> packed.forward(tensor(rnd, 8, 49)));
        assertTrue(bad.getMessage().startsWith("x "), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> packed.forward(x, Tensor.zeros(8, 29)));
    }

    @Test
    void anInferenceNetworkPredictsAsItsSourceAndRefusesTraining() {
        SplittableRandom rnd = new SplittableRandom(33);
        Sequential net = Sequential.twoLayerNet(784, 100, 10, 5);
        Tensor x = tensor(rnd, 64, 784);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextInt(10);
        }
        Sequential inference = net.forInference();
        assertTrue(inference.parameters().isEmpty());
        assertFalse(inference.layers().stream().anyMatch(l -> l instanceof Affine));
        for (int i = 0; i < net.layers().size(); i++) {
            assertFalse(inference.layers().get(i) == net.layers().get(i), "layer " + i + " is shared");
        }
        for (int batch : new int[] {1, 8, 64}) {
            Tensor xb = Tensor.of(java.util.Arrays.copyOf(x.data(), batch * 784), batch, 784);
            assertArrayEquals(net.predict(xb).data(), inference.predict(xb).data(), "batch " + batch);
        }
        assertEquals(net.accuracy(x, labels), inference.accuracy(x, labels));
        assertEquals(net.loss(x, labels), inference.loss(x, labels));
        assertThrows(UnsupportedOperationException.class, () -> inference.trainStep(x, labels, new Sgd(0.1f)));
        float[] before = inference.predict(x).data();
        assertArrayEquals(net.predict(x).data(), before, "a refused step changed something");
        net.trainStep(x, labels, new Sgd(0.1f));
        assertArrayEquals(before, inference.predict(x).data(), "the snapshot moved with its source");
        assertArrayEquals(net.predict(x).data(), net.forInference().predict(x).data(), "a new snapshot lags its source");
    }

    @Test
    void anInferenceNetworksSiblingsShareItsPackedWeightsAndRunAtOnce() throws Exception {
        SplittableRandom rnd = new SplittableRandom(35);
        Sequential packedOnce = Sequential.twoLayerNet(784, 100, 10, 9).forInference();
        Tensor x = tensor(rnd, 40, 784);
        List<Callable<float[]>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Sequential sibling = packedOnce.forInference(); // one per task: buffers of its own
            for (int i = 0; i < sibling.layers().size(); i++) {
                Layer own = sibling.layers().get(i), shared = packedOnce.layers().get(i);
                assertEquals(own instanceof PackedAffine, own == shared, "layer " + i + ": packed layers shared, others not");
            }
            tasks.add(() -> sibling.predict(x).data());
        }
        assertEveryTaskGives(packedOnce.predict(x).data(), tasks, 4);
    }

    @Test
    void threadsShareOnePackedLayer() throws Exception {
        SplittableRandom rnd = new SplittableRandom(34);
        PackedAffine packed = Affine.builder(300, 70).biasInitializer(Initializer.constant(0.1f)).seed(6).build().forInference();
        Tensor x = tensor(rnd, 33, 300);
        assertEveryTaskGives(packed.forward(x).data(), Collections.nCopies(24, () -> packed.forward(x).data()), 6);
    }

    /** Runs each task 20 times on a pool of {@code threads}, all at once, and checks every last result. */
    private static void assertEveryTaskGives(float[] expected, List<Callable<float[]>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (Callable<float[]> task : tasks) {
                results.add(pool.submit(() -> {
                    float[] y = null;
                    for (int r = 0; r < 20; r++) {
                        y = task.call();
                    }
                    return y;
                }));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
