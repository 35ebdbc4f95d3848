package org.vectorkernels.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The Vector API exp against Math.exp in double: a few ulps over the whole range, and its ends. */
class ElementwiseExpTest {
    @Test
    void withinFourUlpsAcrossTheRange() {
        int lanes = Species.LANES;
        float[] x = new float[lanes], y = new float[lanes];
        double worst = 0;
        for (int step = 0; step <= 400_000; step += lanes) {
            for (int i = 0; i < lanes; i++) {
                x[i] = -86.5f + 175.2f * (step + i) / 400_000f; // -86.5 .. 88.7
            }
            Elementwise.exp(FloatVector.fromArray(Species.F, x, 0)).intoArray(y, 0);
            for (int i = 0; i < lanes; i++) {
                double ref = Math.exp(x[i]);
                double ulps = Math.abs(y[i] - ref) / Math.ulp((float) ref);
                worst = Math.max(worst, ulps);
                assertTrue(ulps <= 4, "exp(" + x[i] + ") = " + y[i] + ", reference " + ref + ": " + ulps + " ulps");
            }
        }
        assertTrue(worst > 0, "compared nothing");
    }

    @Test
    void endsOfTheRange() {
        float[] x = new float[Species.LANES], y = new float[Species.LANES];
        float[] cases = {-1e30f, -104f, -87f, 88.8f, 89f, 1e30f, Float.NaN, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        double[] expected = {0, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NaN, 1, 0, Double.POSITIVE_INFINITY};
        for (int c = 0; c < cases.length; c++) {
            java.util.Arrays.fill(x, cases[c]);
            Elementwise.exp(FloatVector.fromArray(Species.F, x, 0)).intoArray(y, 0);
            assertEquals((float) expected[c], y[Species.LANES - 1], "exp(" + cases[c] + ")");
        }
    }
}
