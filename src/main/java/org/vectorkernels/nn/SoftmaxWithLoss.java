package org.vectorkernels.nn;

import java.util.Arrays;
import java.util.Objects;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * Softmax over each row of the logits [N, C] and the cross-entropy loss against targets,
 * averaged over the N rows: {@code L = (1/N) Σ_i Σ_j t(i,j)·(log Σ_k e^x(i,k) − x(i,j))}. Targets are
 * one-hot (or any probability) rows [N, C], or class indices. The softmax and the log-sum-exp
 * subtract the row's maximum first, and the loss is taken from the log-sum-exp in double rather
 * than from log(softmax), so it is finite for any finite logits, however large. backward gives
 * {@code dout·(y − t) / N}.
 */
public final class SoftmaxWithLoss {
    private static final Kernels KERNELS = VectorizationProvider.kernels();

    private boolean training = true;
    private Tensor y, t;
    private int[] labels;
    private double[] logSumExp = new double[0];

    /** A loss layer in training mode. */
    public SoftmaxWithLoss() {
    }

    /**
     * The mean loss over the rows of {@code logits} [N, C] against target rows {@code t} [N, C].
     *
     * @param logits the scores, one row per example
     * @param t the targets, one probability row per example
     * @return the mean cross-entropy loss
     */
    public double forward(Tensor logits, Tensor t) {
        int n = rows(logits);
        Shapes.requireSame("t", t, "logits", logits);
        int c = logits.dim(1);
        Tensor probs = softmax(logits, n, c);
        float[] x = logits.data(), td = t.data();
        double sum = 0;
        for (int i = 0, row = 0; i < n; i++, row += c) {
            for (int j = 0; j < c; j++) {
                if (td[row + j] != 0f) {
                    sum += td[row + j] * (logSumExp[i] - x[row + j]);
                }
            }
        }
        keep(probs, t, null);
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The mean loss over the rows of {@code logits} [N, C] against class indices {@code labels} [N], each in [0, C).
     *
     * @param logits the scores, one row per example
     * @param labels the class of each row
     * @return the mean cross-entropy loss
     */
    public double forward(Tensor logits, int[] labels) {
        int n = rows(logits);
        Objects.requireNonNull(labels, "labels");
        int c = logits.dim(1);
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries for " + n + " rows of logits");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= c) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class in [0, " + c + ")");
            }
        }
        Tensor probs = softmax(logits, n, c);
        float[] x = logits.data();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += logSumExp[i] - x[i * c + labels[i]];
        }
        keep(probs, null, labels);
        return n == 0 ? 0 : sum / n;
    }

    /**
     * dL/d(logits) = (y − t) / N, for the last forward.
     *
     * @return dL/d(logits), [N, C]
     */
    public Tensor backward() {
        return backward(1f);
    }

    /**
     * {@code dout·(y − t) / N}, for the last forward.
     *
     * @param dout dL/d(loss), 1 when the loss is the output
     * @return dL/d(logits), [N, C]
     */
    public Tensor backward(float dout) {
        Tensor probs = Shapes.kept(y, training);
        int n = probs.dim(0), c = probs.dim(1);
        Tensor dx = Tensor.zeros(n, c);
        float[] p = probs.data(), d = dx.data();
        float scale = dout / Math.max(n, 1);
        for (int i = 0, row = 0; i < n; i++, row += c) {
            for (int j = 0; j < c; j++) {
                float target = labels != null ? (labels[i] == j ? 1f : 0f) : t.data()[row + j];
                d[row + j] = (p[row + j] - target) * scale;
            }
        }
        return dx;
    }

    /**
     * The softmax of the last forward's logits (while training), or null.
     *
     * @return the probabilities [N, C], or null
     */
    public Tensor output() {
        return y;
    }

    /**
     * In inference mode forward keeps nothing, and backward is an error.
     *
     * @param training true for training mode, false for inference
     */
    public void setTraining(boolean training) {
        this.training = training;
        if (!training) {
            keep(null, null, null);
        }
    }

    private Tensor softmax(Tensor logits, int n, int c) {
        if (logSumExp.length < n) {
            logSumExp = new double[n];
        }
        Tensor probs = Tensor.zeros(n, c);
        if (n > 0 && c > 0) {
            KERNELS.softmaxRows(n, c, logits.data(), probs.data(), logSumExp);
        }
        return probs;
    }

    private void keep(Tensor probs, Tensor targets, int[] classes) {
        y = training ? probs : null;
        t = training ? targets : null;
        labels = training ? classes : null;
    }

    private static int rows(Tensor logits) {
        Objects.requireNonNull(logits, "logits");
        if (logits.rank() != 2 || logits.dim(1) == 0) {
            throw new IllegalArgumentException("logits must be [N, C] with C > 0, not " + Arrays.toString(logits.shape()));
        }
        return logits.dim(0);
    }
}
