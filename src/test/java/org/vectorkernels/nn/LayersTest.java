package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.tensor;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Relu, Sigmoid, MulLayer, AddLayer and SoftmaxWithLoss: forward and backward against
 * double-precision formulas on random data, the loss's gradient against central differences,
 * finite losses for huge logits, nothing kept in inference mode, and named shape errors.
 */
class LayersTest {
    private final SplittableRandom rnd = new SplittableRandom(17);

    @Test
    void reluAndSigmoidLayers() {
        Tensor x = tensor(rnd, 4, 3, 5), dout = tensor(rnd, 4, 3, 5);
        Relu relu = new Relu();
        Sigmoid sigmoid = new Sigmoid();
        Tensor r = relu.forward(x), dr = relu.backward(dout);
        Tensor s = sigmoid.forward(x), ds = sigmoid.backward(dout);
        assertArrayEquals(x.shape(), dr.shape());
        for (int i = 0; i < x.size(); i++) {
            float v = x.data()[i];
            assertEquals(v <= 0 ? 0f : v, r.data()[i]);
            assertEquals(v <= 0 ? 0f : dout.data()[i], dr.data()[i]);
            double y = 1 / (1 + Math.exp(-v));
            assertEquals(y, s.data()[i], 1e-6);
            assertEquals(dout.data()[i] * (1 - y) * y, ds.data()[i], 1e-6);
        }
        for (Layer l : new Layer[] {relu, sigmoid}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.backward(Tensor.zeros(4, 15)));
            assertTrue(e.getMessage().startsWith("dout"), e.getMessage());
            l.setTraining(false);
            l.forward(x);
            assertThrows(IllegalStateException.class, () -> l.backward(dout));
        }
    }

    @Test
    void activationsWriteIntoASpareOfTheRightShape() {
        SplittableRandom rnd = new SplittableRandom(29);
        for (Layer layer : new Layer[] {new Relu(), new Sigmoid()}) {
            Tensor x = tensor(rnd, 5, 19), dy = tensor(rnd, 5, 19);
            Tensor y = layer.forward(x).reshape(5, 19), dx = layer.backward(dy);
            float[] yValues = y.data().clone(), dxValues = dx.data().clone();
            Tensor ySpare = tensor(rnd, 5, 19), dxSpare = tensor(rnd, 5, 19);
            assertTrue(layer.forwardReusing(x, ySpare) == ySpare, layer + " forward");
            assertArrayEquals(yValues, ySpare.data());
            assertTrue(layer.backwardReusing(dy, dxSpare) == dxSpare, layer + " backward");
            assertArrayEquals(dxValues, dxSpare.data());
            Tensor wrong = Tensor.zeros(19, 5);
            Tensor y2 = layer.forwardReusing(x, wrong);
            assertTrue(y2 != wrong, "a spare of another shape is not used");
            assertArrayEquals(yValues, y2.data());
        }
    }

    @Test
    void mulAndAddOnTensorsAndScalars() {
        Tensor x = tensor(rnd, 2, 7), y = tensor(rnd, 2, 7), dout = tensor(rnd, 2, 7);
        MulLayer mul = new MulLayer();
        AddLayer add = new AddLayer();
        Tensor p = mul.forward(x, y), q = add.forward(x, y);
        Tensor[] dm = mul.backward(dout), da = add.backward(dout);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.data()[i] * y.data()[i], p.data()[i]);
            assertEquals(x.data()[i] + y.data()[i], q.data()[i]);
            assertEquals(dout.data()[i] * y.data()[i], dm[0].data()[i]);
            assertEquals(dout.data()[i] * x.data()[i], dm[1].data()[i]);
            assertEquals(dout.data()[i], da[0].data()[i]);
            assertEquals(dout.data()[i], da[1].data()[i]);
        }
        // A chain of scalars, price = (apples · count) · tax, and its gradients by the chain rule.
        float apple = (float) rnd.nextDouble(1, 200), count = (float) rnd.nextInt(1, 9), tax = (float) rnd.nextDouble(1, 1.5);
        MulLayer mulApple = new MulLayer(), mulTax = new MulLayer();
        float price = mulTax.forward(mulApple.forward(apple, count), tax);
        assertEquals(apple * count * tax, price, 1e-4 * price);
        float[] dTax = mulTax.backward(1f), dApple = mulApple.backward(dTax[0]);
        assertEquals(count * tax, dApple[0], 1e-5);
        assertEquals(apple * tax, dApple[1], 1e-4);
        assertEquals(apple * count, dTax[1], 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mul.forward(x, Tensor.zeros(7, 2)));
        assertTrue(e.getMessage().startsWith("y must have the shape of x"), e.getMessage());
        mul.setTraining(false);
        mul.forward(x, y);
        assertThrows(IllegalStateException.class, () -> mul.backward(dout));
    }

    @Test
    void softmaxWithLossAgainstReferenceAndNumericalGradient() {
        int n = 5, c = 7;
        Tensor logits = tensor(rnd, n, c);
        int[] labels = new int[n];
        Tensor oneHot = Tensor.zeros(n, c);
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(c);
            oneHot.data()[i * c + labels[i]] = 1f;
        }
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        double loss = layer.forward(logits, labels);
        assertEquals(referenceLoss(logits, labels), loss, 1e-6);
        Tensor dx = layer.backward();
        assertEquals(loss, layer.forward(logits, oneHot), 1e-6);
        assertArrayEquals(dx.data(), layer.backward().data(), 1e-7f);
        for (int i = 0; i < logits.size(); i++) {
            float saved = logits.data()[i], h = 1e-3f;
            logits.data()[i] = saved + h;
            double up = referenceLoss(logits, labels);
            logits.data()[i] = saved - h;
            double down = referenceLoss(logits, labels);
            logits.data()[i] = saved;
            assertEquals((up - down) / (2 * h), dx.data()[i], 1e-4, "dlogits[" + i + "]");
        }
    }

    @Test
    void lossIsFiniteForHugeLogits() {
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        Tensor logits = Tensor.of(new float[] {3e38f, -3e38f, 0f, 1e30f, 88f, -1e30f}, 2, 3);
        for (int[] labels : new int[][] {{0, 0}, {1, 2}, {2, 1}}) {
            double loss = layer.forward(logits, labels);
            assertTrue(Double.isFinite(loss) && loss >= 0, "loss " + loss + " for labels " + labels[0] + ", " + labels[1]);
            for (float d : layer.backward().data()) {
                assertTrue(Float.isFinite(d), "gradient " + d);
            }
        }
        assertEquals(3e38 + 3e38, layer.forward(Tensor.of(new float[] {3e38f, -3e38f}, 1, 2), new int[] {1}), 1e33);
    }

    @Test
    void logSumExpIsKeptInDouble() {
        // In float, 1e8 + ln 2 rounds to 1e8 and the loss came out 0.
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        assertEquals(Math.log(2), layer.forward(Tensor.of(new float[] {1e8f, 1e8f}, 1, 2), new int[] {0}), 1e-6);
        assertEquals(Math.log(1 + Math.exp(-8)), layer.forward(Tensor.of(new float[] {1e8f, 1e8f - 8f}, 1, 2), new int[] {0}), 1e-6);
    }

    @Test
    void softmaxWithLossErrorsAndInferenceMode() {
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        Tensor logits = Tensor.zeros(2, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> layer.forward(logits, new int[] {0, 3}))
                .getMessage().startsWith("labels[1] = 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> layer.forward(logits, new int[] {0}))
                .getMessage().startsWith("labels has 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> layer.forward(logits, Tensor.zeros(3, 2)))
                .getMessage().startsWith("t must have the shape of logits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(6), new int[6]))
                .getMessage().startsWith("logits must be [N, C]"));
        assertThrows(IllegalStateException.class, layer::backward);
        layer.setTraining(false);
        layer.forward(logits, new int[] {0, 1});
        assertNull(layer.output());
        assertThrows(IllegalStateException.class, layer::backward);
    }

    private static double referenceLoss(Tensor logits, int[] labels) {
        int n = logits.dim(0), c = logits.dim(1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY, s = 0;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, logits.data()[i * c + j]);
            }
            for (int j = 0; j < c; j++) {
                s += Math.exp(logits.data()[i * c + j] - max);
            }
            sum -= Math.log(Math.exp(logits.data()[i * c + labels[i]] - max) / s);
        }
        return sum / n;
    }

    @Test
    void aShapeWhoseElementCountWrapsIsRefused() {
        // 65536^4 = 2^64 wraps to 0 in a long: it must not pass for an empty array.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[0], 65536, 65536, 65536, 65536));
        assertTrue(e.getMessage().contains("more elements than one array can"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(65536, 65536, 65536, 65536));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[0], 0, -1));
    }
}
