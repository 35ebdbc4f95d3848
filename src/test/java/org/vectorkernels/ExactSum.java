package org.vectorkernels;

/**
 * A sum of products and terms in double-double (Dekker's products by FMA, Knuth's two-sum): about
 * 106 bits, more than double's own, for the references of the double kernels; and Σ|terms|, the
 * scale of the usual error bound c·k·u·Σ|a·b|.
 */
public final class ExactSum {
    private double hi, lo, magnitude;

    public ExactSum add(double t) {
        return add(t, 0);
    }

    /** Adds x·y, its rounding error included. */
    public ExactSum addProduct(double x, double y) {
        double t = x * y;
        return add(t, Math.fma(x, y, -t));
    }

    private ExactSum add(double t, double err) {
        double s = hi + t, v = s - hi;
        lo += (hi - (s - v)) + (t - v) + err;
        hi = s;
        magnitude += Math.abs(t);
        return this;
    }

    public double value() {
        return hi + lo;
    }

    /** Σ|terms| added. */
    public double magnitude() {
        return magnitude;
    }
}
