package org.vectorkernels.bench.gate;

import java.util.Arrays;

/** The rank test the gate judges with besides the ratio of medians: Mann–Whitney U. */
final class Stats {
    private Stats() {}

    /**
     * One-sided p-value of the Mann–Whitney U test that values in {@code x} tend to be larger than
     * those in {@code y}: the normal approximation with tie correction and continuity correction,
     * as scipy's {@code mannwhitneyu(x, y, alternative="greater", method="asymptotic")} computes it.
     * 1 when either side is empty.
     */
    static double pGreater(double[] x, double[] y) {
        int n1 = x.length, n2 = y.length, n = n1 + n2;
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        Arrays.sort(all);
        double rankSumX = 0;
        for (double v : x) {
            rankSumX += midRank(all, v);
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && all[j] == all[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double mean = n1 * (double) n2 / 2;
        double var = n1 * (double) n2 / 12.0 * ((n + 1) - ties / (n * (double) (n - 1)));
        if (var <= 0) {
            return 0.5; // every value equal: no evidence either way
        }
        double z = (u - mean - 0.5) / Math.sqrt(var);
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The average 1-based rank of {@code v} in the sorted array. */
    private static double midRank(double[] sorted, double v) {
        int lo = 0;
        while (sorted[lo] < v) {
            lo++;
        }
        int hi = lo;
        while (hi < sorted.length && sorted[hi] == v) {
            hi++;
        }
        return (lo + 1 + hi) / 2.0;
    }

    /** The complementary error function, to about 1e-7 (Numerical Recipes' erfcc, Chebyshev fit). */
    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
