package org.vectorkernels.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rank test against scipy 1.17's {@code mannwhitneyu(x, y, alternative="greater", method="asymptotic")}. */
class StatsTest {
    @Test
    void matchesScipy() {
        assertEquals(0.04042779918502612, Stats.pGreater(new double[] {4, 5, 6}, new double[] {1, 2, 3}), 1e-6);
        assertEquals(0.9854518341293739, Stats.pGreater(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-6);
        // ties across the two samples
        assertEquals(0.15562641414929357, Stats.pGreater(new double[] {1, 2, 2, 3, 5, 8, 9},
                new double[] {2, 3, 3, 4, 1, 0.5}), 1e-6);
        assertEquals(0.007985348176890061, Stats.pGreater(new double[] {1.1, 1.2, 1.3, 1.15, 1.25},
                new double[] {1.0, 1.05, 1.1, 0.95, 1.02}), 1e-6);
    }

    @Test
    void noEvidenceWithoutData() {
        assertEquals(1, Stats.pGreater(new double[0], new double[] {1}));
        assertEquals(0.5, Stats.pGreater(new double[] {2, 2}, new double[] {2, 2}));
    }

    @Test
    void erfcAgreesWithKnownValues() {
        assertEquals(1, Stats.erfc(0), 1e-7);
        assertEquals(0.15729920705028513, Stats.erfc(1), 1e-7);
        assertEquals(1.8427007929497148, Stats.erfc(-1), 1e-7);
    }
}
