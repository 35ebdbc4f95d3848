package org.vectorkernels.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vectorkernels.RandomArrays.tensor;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** SGD's update rule, with and without momentum and weight decay, against the formula in double. */
class SgdTest {
    @Test
    void followsTheUpdateRule() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (float[] setting : new float[][] {{0.1f, 0f, 0f}, {0.05f, 0.9f, 0f}, {0.02f, 0.5f, 0.01f}}) {
            float lr = setting[0], mu = setting[1], wd = setting[2];
            Tensor w = tensor(rnd, 3, 4), g = tensor(rnd, 3, 4);
            double[] ref = new double[12], v = new double[12];
            for (int i = 0; i < 12; i++) {
                ref[i] = w.data()[i];
            }
            Sgd sgd = new Sgd(lr, mu, wd);
            for (int step = 0; step < 3; step++) {
                for (int i = 0; i < 12; i++) {
                    g.data()[i] = (float) rnd.nextDouble(-1, 1);
                    v[i] = mu * v[i] - lr * (g.data()[i] + wd * ref[i]);
                    ref[i] += v[i];
                }
                sgd.step(List.of(new Parameter("w", w, g)));
                for (int i = 0; i < 12; i++) {
                    assertEquals(ref[i], w.data()[i], 1e-5, "w[" + i + "] after step " + step + " with " + lr + ", " + mu + ", " + wd);
                }
            }
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0f)).getMessage().startsWith("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(Float.NaN)).getMessage().startsWith("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1f, 1f, 0f)).getMessage().startsWith("momentum"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1f, 0f, -1f)).getMessage().startsWith("weightDecay"));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("w", Tensor.zeros(2), Tensor.zeros(3)));
    }
}
