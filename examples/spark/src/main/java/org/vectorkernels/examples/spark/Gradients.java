package org.vectorkernels.examples.spark;

import java.io.Serializable;
import java.util.List;

import org.vectorkernels.nn.Parameter;

/**
 * A sum over rows of the loss gradient, per parameter, with the rows and their summed loss: what
 * each partition sends and {@code treeAggregate} adds up. The mean is the sum divided by the rows.
 */
final class Gradients implements Serializable {
    private final float[][] sums;
    private double lossSum;
    private int rows;

    private Gradients(float[][] sums, double lossSum, int rows) {
        this.sums = sums;
        this.lossSum = lossSum;
        this.rows = rows;
    }

    /** Nothing yet: the aggregation's zero, which grows to the parameters' shapes on the first add. */
    static Gradients zero() {
        return new Gradients(null, 0, 0);
    }

    /** {@code rows} times each parameter's gradient, that of the mean loss over those rows ({@code meanLoss}). */
    static Gradients of(List<Parameter> params, double meanLoss, int rows) {
        float[][] sums = new float[params.size()][];
        for (int i = 0; i < sums.length; i++) {
            float[] g = params.get(i).gradient().data();
            sums[i] = new float[g.length];
            for (int j = 0; j < g.length; j++) {
                sums[i][j] = g[j] * rows;
            }
        }
        return new Gradients(sums, meanLoss * rows, rows);
    }

    /** Adds {@code other} into this one and returns this one (for treeAggregate's seqOp and combOp). */
    Gradients add(Gradients other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            return other;
        }
        for (int i = 0; i < sums.length; i++) {
            float[] s = sums[i], o = other.sums[i];
            for (int j = 0; j < s.length; j++) {
                s[j] += o[j];
            }
        }
        lossSum += other.lossSum;
        rows += other.rows;
        return this;
    }

    /** Sets each parameter's gradient to the mean over all rows added; returns the mean loss. */
    double meanInto(List<Parameter> params) {
        for (int i = 0; i < sums.length; i++) {
            float[] g = params.get(i).gradient().data();
            for (int j = 0; j < g.length; j++) {
                g[j] = sums[i][j] / rows;
            }
        }
        return lossSum / rows;
    }

    int rows() {
        return rows;
    }
}
