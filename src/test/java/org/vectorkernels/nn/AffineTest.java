package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vectorkernels.RandomArrays.tensor;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vectorkernels.reference.NaiveGemm;

/** The Affine layer against plain loops, against numerical gradients, and on bad input. */
class AffineTest {
    static final int[][] INPUT_SHAPES = {{1, 1}, {3, 5}, {7, 2, 3}, {2, 3, 2, 5}, {17, 33}, {5, 64}, {9, 4, 4}};
    static final int[] OUTS = {1, 2, 7, 16, 33};

    @Test
    void forwardAndBackwardMatchNaiveComposition() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int[] shape : INPUT_SHAPES) {
            for (int out : OUTS) {
                for (boolean useBias : new boolean[] {true, false}) {
                    Tensor x = tensor(rnd, shape);
                    int n = shape[0], in = x.size() / n;
                    Affine fc = Affine.builder(in, out).useBias(useBias).biasInitializer(Initializer.glorotUniform())
                            .seed(rnd.nextLong()).build();
                    float[] w = fc.weight().data(), b = useBias ? fc.bias().data() : new float[out];
                    // Naive: Y = X·W, then the bias row by row, as numpy code does it.
                    float[] y = new float[n * out];
                    NaiveGemm.sgemm(n, out, in, x.data(), w, y);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < out; j++) {
                            y[i * out + j] += b[j];
                        }
                    }
                    Tensor got = fc.forward(x);
                    assertArrayEquals(new int[] {n, out}, got.shape());
                    assertClose(y, got.data(), 1e-5, "forward " + x + "→" + out);

                    Tensor dy = tensor(rnd, n, out);
                    float[] dx = new float[n * in], dw = new float[in * out], db = new float[out];
                    NaiveGemm.sgemm(false, true, n, in, out, 1f, dy.data(), 0, out, w, 0, out, 0f, dx, 0, in);
                    NaiveGemm.sgemm(true, false, in, out, n, 1f, x.data(), 0, in, dy.data(), 0, out, 0f, dw, 0, out);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < out; j++) {
                            db[j] += dy.data()[i * out + j];
                        }
                    }
                    Tensor gotDx = fc.backward(dy);
                    assertArrayEquals(shape, gotDx.shape(), "dX comes back in X's shape");
                    assertClose(dx, gotDx.data(), 1e-5, "dX");
                    assertClose(dw, fc.weightGrad().data(), 1e-5, "dW");
                    if (useBias) {
                        assertClose(db, fc.biasGrad().data(), 1e-5, "db");
                    } else {
                        assertNull(fc.biasGrad());
                    }
                }
            }
        }
    }

    /**
     * Central differences in double precision (the book's gradient_check) of
     * L = Σ Y⊙G + (λ/2)(‖W‖² + [l2OnBias]‖b‖²), whose exact gradients backward must give.
     */
    @Test
    void gradientsMatchNumericalGradients() {
        SplittableRandom rnd = new SplittableRandom(43);
        for (int t = 0; t < 24; t++) {
            int[] shape = INPUT_SHAPES[t % INPUT_SHAPES.length];
            int out = OUTS[t % OUTS.length];
            boolean useBias = t % 3 != 0;
            float l2 = t % 2 == 0 ? 0f : 0.3f;
            boolean l2OnBias = t % 4 == 1;
            Tensor x = tensor(rnd, shape);
            int n = shape[0], in = x.size() / n;
            Affine fc = Affine.builder(in, out).useBias(useBias).l2(l2).l2OnBias(l2OnBias)
                    .biasInitializer(Initializer.glorotUniform()).seed(t).build();
            Tensor g = tensor(rnd, n, out);
            fc.forward(x);
            Tensor dx = fc.backward(g);

            float[] w = fc.weight().data(), b = useBias ? fc.bias().data() : null;
            Loss loss = () -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < out; j++) {
                        double yij = b == null ? 0 : b[j];
                        for (int p = 0; p < in; p++) {
                            yij += (double) x.data()[i * in + p] * w[p * out + j];
                        }
                        sum += yij * g.data()[i * out + j];
                    }
                }
                double reg = 0;
                for (float v : w) {
                    reg += (double) v * v;
                }
                if (b != null && l2OnBias) {
                    for (float v : b) {
                        reg += (double) v * v;
                    }
                }
                return sum + l2 / 2.0 * reg;
            };
            checkGradient(loss, w, fc.weightGrad().data(), "dW");
            checkGradient(loss, x.data(), dx.data(), "dX");
            if (b != null) {
                checkGradient(loss, b, fc.biasGrad().data(), "db");
            }
        }
    }

    interface Loss {
        double value();
    }

    /** Perturbs each parameter by ±h (restored after) and compares the slope with the analytic gradient. */
    private static void checkGradient(Loss loss, float[] param, float[] grad, String what) {
        float h = 1e-2f;
        for (int i = 0; i < param.length; i++) {
            float saved = param[i];
            param[i] = saved + h;
            double plus = loss.value();
            param[i] = saved - h;
            double minus = loss.value();
            param[i] = saved;
            double numeric = (plus - minus) / (2.0 * h);
            double err = Math.abs(numeric - grad[i]);
            if (err > 1e-3 * Math.max(1, Math.abs(numeric))) {
                fail(what + "[" + i + "]: backward " + grad[i] + ", numerical " + numeric);
            }
        }
    }

    @Test
    void accumulateModeAddsGradientsOfSeveralBackwards() {
        SplittableRandom rnd = new SplittableRandom(47);
        Affine once = Affine.builder(6, 5).seed(1).build();
        Affine twice = Affine.builder(6, 5).seed(1).accumulateGradients(true).build();
        Tensor x = tensor(rnd, 4, 6), dy = tensor(rnd, 4, 5);
        once.forward(x);
        once.backward(dy);
        twice.forward(x);
        twice.backward(dy);
        twice.forward(x);
        twice.backward(dy);
        for (int i = 0; i < 30; i++) {
            assertEquals(2 * once.weightGrad().data()[i], twice.weightGrad().data()[i], 1e-5);
        }
        for (int j = 0; j < 5; j++) {
            assertEquals(2 * once.biasGrad().data()[j], twice.biasGrad().data()[j], 1e-5);
        }
        twice.zeroGradients();
        assertArrayEquals(new float[30], twice.weightGrad().data());
    }

    @Test
    void clearErrorsNamingShapes() {
        Affine fc = Affine.builder(6, 5).seed(2).build();
        IllegalStateException before = assertThrows(IllegalStateException.class,
                () -> fc.backward(Tensor.zeros(2, 5)));
        assertTrue(before.getMessage().contains("backward before forward"), before.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> fc.forward(Tensor.zeros(2, 7)));
        assertTrue(width.getMessage().contains("[2, 7]") && width.getMessage().contains("6"), width.getMessage());
        fc.forward(Tensor.zeros(2, 2, 3));
        IllegalArgumentException dout = assertThrows(IllegalArgumentException.class,
                () -> fc.backward(Tensor.zeros(3, 5)));
        assertTrue(dout.getMessage().contains("[2, 5]") && dout.getMessage().contains("[3, 5]"), dout.getMessage());
        fc.setTraining(false);
        fc.forward(Tensor.zeros(2, 6));
        assertThrows(IllegalStateException.class, () -> fc.backward(Tensor.zeros(2, 5)));
        assertThrows(IllegalArgumentException.class, () -> new Affine(Tensor.zeros(6, 5), Tensor.zeros(4)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
    }

    @Test
    void outputOverloadsWriteIntoTheGivenTensors() {
        SplittableRandom rnd = new SplittableRandom(53);
        Affine fc = Affine.builder(12, 7).seed(5).build();
        Tensor x = tensor(rnd, 3, 3, 4), dy = tensor(rnd, 3, 7);
        Tensor yNew = fc.forward(x);
        Tensor dxNew = fc.backward(dy);
        float[] dwNew = fc.weightGrad().data().clone();
        Tensor y = Tensor.zeros(3, 7), dx = Tensor.zeros(3, 3, 4);
        assertTrue(fc.forward(x, y) == y);
        assertArrayEquals(yNew.data(), y.data());
        assertTrue(fc.backward(dy, dx) == dx);
        assertArrayEquals(dxNew.data(), dx.data());
        assertArrayEquals(dwNew, fc.weightGrad().data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fc.forward(x, Tensor.zeros(3, 8)));
        assertTrue(e.getMessage().contains("[3, 7]") && e.getMessage().contains("[3, 8]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fc.backward(dy, Tensor.zeros(3, 12)));
    }

    @Test
    void backwardParametersSetsTheGradientsOfBackwardWithoutDx() {
        SplittableRandom rnd = new SplittableRandom(59);
        for (int[] shape : INPUT_SHAPES) {
            int in = 1;
            for (int axis = 1; axis < shape.length; axis++) {
                in *= shape[axis];
            }
            Affine full = Affine.builder(in, 7).seed(6).build(), partial = Affine.builder(in, 7).seed(6).build();
            Tensor x = tensor(rnd, shape), dy = tensor(rnd, shape[0], 7);
            full.forward(x);
            full.backward(dy);
            partial.forward(x);
            partial.backwardParameters(dy);
            assertArrayEquals(full.weightGrad().data(), partial.weightGrad().data(), "dW");
            assertArrayEquals(full.biasGrad().data(), partial.biasGrad().data(), "db");
        }
        Affine fc = Affine.builder(4, 3).seed(1).build();
        assertThrows(IllegalStateException.class, () -> fc.backwardParameters(Tensor.zeros(2, 3)), "before forward");
        fc.forward(tensor(rnd, 2, 4));
        float[] before = fc.weightGrad().data().clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fc.backwardParameters(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("dout"), e.getMessage());
        assertArrayEquals(before, fc.weightGrad().data(), "a refused dout changes no gradient");
    }

    @Test
    void reusingOverloadsWriteIntoASpareOfTheRightShapeOnly() {
        SplittableRandom rnd = new SplittableRandom(61);
        Affine fc = Affine.builder(12, 7).seed(5).build();
        Tensor x = tensor(rnd, 3, 3, 4), dy = tensor(rnd, 3, 7);
        Tensor y = fc.forward(x), dx = fc.backward(dy);
        Tensor ySpare = tensor(rnd, 3, 7), dxSpare = tensor(rnd, 3, 3, 4);
        assertTrue(fc.forwardReusing(x, ySpare) == ySpare);
        assertArrayEquals(y.data(), ySpare.data());
        assertTrue(fc.backwardReusing(dy, dxSpare) == dxSpare);
        assertArrayEquals(dx.data(), dxSpare.data());
        // A spare of another shape (or none) is not used: a new tensor comes back, with the same values.
        Tensor wrong = Tensor.zeros(4, 7);
        Tensor y2 = fc.forwardReusing(x, wrong);
        assertTrue(y2 != wrong && y2.dim(0) == 3 && y2.dim(1) == 7);
        assertArrayEquals(y.data(), y2.data());
        assertArrayEquals(new float[28], wrong.data(), "the unused spare is untouched");
        assertArrayEquals(dx.data(), fc.backwardReusing(dy, null).data());
    }

    @Test
    void initializersAreSeededAndShaped() {
        Affine a = Affine.builder(50, 30).seed(9).build(), b = Affine.builder(50, 30).seed(9).build();
        assertArrayEquals(a.weight().data(), b.weight().data(), "same seed, same weights");
        double limit = Math.sqrt(6.0 / 80);
        double sumSq = 0;
        for (float v : a.weight().data()) {
            assertTrue(Math.abs(v) <= limit, "Glorot uniform within ±" + limit);
            sumSq += v * v;
        }
        assertEquals(limit * limit / 3, sumSq / 1500, 0.2 * limit * limit / 3, "uniform variance");
        assertArrayEquals(new float[30], a.bias().data(), "zero bias by default");
        Affine he = Affine.builder(200, 100).weightInitializer(Initializer.heNormal()).seed(3).build();
        double var = 0;
        for (float v : he.weight().data()) {
            var += v * v;
        }
        assertEquals(2.0 / 200, var / 20000, 0.1 * 2.0 / 200, "He normal variance 2/fanIn");
        Affine c = Affine.builder(3, 2).weightInitializer(Initializer.constant(0.5f))
                .biasInitializer((v, fanIn, fanOut, r) -> v[0] = fanIn + fanOut).build();
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, c.weight().data());
        assertEquals(5f, c.bias().data()[0]);
    }

    static void assertClose(float[] expected, float[] got, double tol, String what) {
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            if (Math.abs(expected[i] - got[i]) > tol * scale * 10) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", got " + got[i]);
            }
        }
    }

    @Test
    void aZeroSizedLayerIsRefusedWhenMade() {
        for (int[] shape : new int[][] {{0, 5}, {5, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Affine(Tensor.zeros(shape), null));
            assertTrue(e.getMessage().startsWith("weight [" + shape[0] + ", " + shape[1] + "] must have in >= 1"), e.getMessage());
        }
    }
}
