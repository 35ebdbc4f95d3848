package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.tensor;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The whole network: backpropagation against central differences of the loss for every
 * parameter, with ReLU and with Sigmoid hidden layers; training lowers the loss and raises the
 * accuracy on a learnable problem; predict leaves nothing for backward.
 */
class SequentialTest {
    @Test
    void backpropagationMatchesNumericalGradientsOfTheWholeNet() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (Layer hidden : new Layer[] {new Relu(), new Sigmoid()}) {
            Sequential net = new Sequential(List.of(
                    Affine.builder(7, 5).weightInitializer(Initializer.heNormal()).biasInitializer(Initializer.constant(0.1f)).seed(1).build(),
                    hidden,
                    Affine.builder(5, 4).biasInitializer(Initializer.constant(-0.05f)).seed(2).build()));
            Tensor x = tensor(rnd, 6, 7);
            int[] labels = {0, 3, 1, 2, 3, 0};
            net.gradient(x, labels);
            int checked = 0;
            for (Parameter p : net.parameters()) {
                float[] w = p.value().data(), g = p.gradient().data().clone();
                for (int i = 0; i < w.length; i++) {
                    float saved = w[i], h = 1e-2f;
                    w[i] = saved + h;
                    double up = net.loss(x, labels);
                    w[i] = saved - h;
                    double down = net.loss(x, labels);
                    w[i] = saved;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, g[i], 2e-3 + 2e-2 * Math.abs(numeric),
                            hidden.getClass().getSimpleName() + " net, " + p.name() + "[" + i + "]");
                    checked++;
                }
            }
            assertEquals(7 * 5 + 5 + 5 * 4 + 4, checked);
        }
    }

    @Test
    void trainingLowersTheLossAndLearns() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 400, in = 20, classes = 4;
        Tensor centers = tensor(rnd, classes, in);
        float[] x = new float[n * in];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(classes);
            for (int j = 0; j < in; j++) {
                x[i * in + j] = 2 * centers.data()[labels[i] * in + j] + (float) rnd.nextGaussian() * 0.5f;
            }
        }
        Tensor xs = Tensor.of(x, n, in);
        Sequential net = Sequential.twoLayerNet(in, 16, classes, 9);
        double before = net.loss(xs, labels);
        Sgd sgd = new Sgd(0.1f, 0.9f, 1e-4f);
        for (int step = 0; step < 100; step++) {
            net.trainStep(xs, labels, sgd);
        }
        double after = net.loss(xs, labels);
        assertTrue(after < before / 4, "loss " + before + " -> " + after);
        assertTrue(net.accuracy(xs, labels) > 0.95, "accuracy " + net.accuracy(xs, labels));
    }

    @Test
    void aTrainingStepOfTheBooksNetworkAllocatesNoLargeArray() {
        SplittableRandom rnd = new SplittableRandom(13);
        Sequential net = Sequential.twoLayerNet(784, 100, 10, 7);
        Sgd sgd = new Sgd(0.01f, 0.9f, 0f);
        Tensor x = tensor(rnd, 100, 784);
        int[] labels = new int[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextInt(10);
        }
        for (int i = 0; i < 400; i++) { // until C2 has compiled the kernels: interpreted vectors are objects
            net.trainStep(x, labels, sgd);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId(), before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10; i++) {
            net.trainStep(x, labels, sgd);
        }
        long perStep = (mx.getThreadAllocatedBytes(id) - before) / 10;
        // Each layer's output and gradient (40 KB and more each here) are reused; small objects remain.
        assertTrue(perStep < 16 * 1024, perStep + " bytes allocated per step");
    }

    @Test
    void reusedBuffersChangeNoResult() {
        SplittableRandom rnd = new SplittableRandom(17);
        Tensor x = tensor(rnd, 9, 12), x2 = tensor(rnd, 4, 12);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2}, labels2 = {2, 1, 0, 2};
        Sequential reused = Sequential.twoLayerNet(12, 8, 3, 5);
        Sgd sgd = new Sgd(0.1f);
        Tensor firstLogits = reused.predict(x);
        float[] firstValues = firstLogits.data().clone();
        for (int step = 0; step < 3; step++) {
            // Alternate batch sizes, so that buffers are replaced as well as reused.
            Sequential fresh = Sequential.twoLayerNet(12, 8, 3, 5);
            for (int i = 0; i < reused.parameters().size(); i++) {
                float[] w = reused.parameters().get(i).value().data();
                System.arraycopy(w, 0, fresh.parameters().get(i).value().data(), 0, w.length);
            }
            Tensor in = step % 2 == 0 ? x : x2;
            int[] t = step % 2 == 0 ? labels : labels2;
            assertEquals(fresh.trainStep(in, t, new Sgd(0.1f)), reused.trainStep(in, t, sgd));
            for (int i = 0; i < reused.parameters().size(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(fresh.parameters().get(i).value().data(),
                        reused.parameters().get(i).value().data(), "parameter " + i + " after step " + step);
            }
        }
        reused.accuracy(x, labels);
        org.junit.jupiter.api.Assertions.assertArrayEquals(firstValues, firstLogits.data(),
                "what predict returned is the caller's: later calls do not write into it");
    }

    @Test
    void predictKeepsNothingForBackward() {
        Affine first = Affine.builder(3, 2).seed(1).build();
        Sequential net = new Sequential(List.of(first, new Relu()));
        net.predict(tensor(new SplittableRandom(1), 2, 3));
        assertThrows(IllegalStateException.class, () -> first.backward(Tensor.zeros(2, 2)));
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("layers is empty", assertThrows(IllegalArgumentException.class, () -> new Sequential(List.of())).getMessage());
        Sequential net = Sequential.twoLayerNet(3, 4, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.accuracy(Tensor.zeros(2, 3), new int[3]));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
    }

    @Test
    void nanLogitsAreNeverRight() {
        assertEquals(-1, Sequential.argmax(new float[] {Float.NaN, 1f, 2f}, 0, 3));
        assertEquals(-1, Sequential.argmax(new float[] {0f, 1f, Float.NaN}, 0, 3));
        assertEquals(1, Sequential.argmax(new float[] {0f, 2f, 2f}, 0, 3));
        Sequential net = new Sequential(List.of(new Affine(Tensor.of(new float[] {Float.NaN, 0f}, 1, 2), null)));
        assertEquals(0.0, net.accuracy(Tensor.of(new float[] {1f, 1f}, 2, 1), new int[] {0, 0}));
    }
}
