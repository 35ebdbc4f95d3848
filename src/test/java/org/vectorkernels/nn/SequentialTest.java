package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            Tensor x = random(rnd, 6, 7);
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
        Tensor centers = random(rnd, classes, in);
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
    void predictKeepsNothingForBackward() {
        Affine first = Affine.builder(3, 2).seed(1).build();
        Sequential net = new Sequential(List.of(first, new Relu()));
        net.predict(random(new SplittableRandom(1), 2, 3));
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

    static Tensor random(SplittableRandom rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rnd.nextDouble(-1, 1);
        }
        return t;
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
