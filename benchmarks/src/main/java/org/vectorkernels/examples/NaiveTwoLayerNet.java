package org.vectorkernels.examples;

import java.util.List;

import org.vectorkernels.nn.Parameter;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.reference.NaiveGemm;

/**
 * The two-layer network of {@link Sequential#twoLayerNet} written the plain way: {@link NaiveGemm}
 * for the three products of each Affine layer and plain loops for bias, ReLU, softmax with loss
 * and SGD with momentum. The baseline the training example and {@code TrainingBenchmark} compare against.
 */
public final class NaiveTwoLayerNet implements TrainingLoop.Net {
    private final int in, hidden, out;
    private final float[] w1, b1, w2, b2;
    private final float[][] velocity = new float[4][];
    private final float learningRate, momentum;

    /** A copy of {@code net}'s parameters (W1, b1, W2, b2), trained as {@code Sgd(learningRate, momentum, 0)} would. */
    public NaiveTwoLayerNet(Sequential net, float learningRate, float momentum) {
        List<Parameter> p = net.parameters();
        w1 = p.get(0).value().data().clone();
        b1 = p.get(1).value().data().clone();
        w2 = p.get(2).value().data().clone();
        b2 = p.get(3).value().data().clone();
        in = p.get(0).value().dim(0);
        hidden = b1.length;
        out = b2.length;
        this.learningRate = learningRate;
        this.momentum = momentum;
        float[][] params = {w1, b1, w2, b2};
        for (int i = 0; i < 4; i++) {
            velocity[i] = new float[params[i].length];
        }
    }

    @Override
    public double trainStep(float[] x, int[] labels, int n) {
        float[] a1 = new float[n * hidden], h = new float[n * hidden], logits = new float[n * out];
        NaiveGemm.sgemm(n, hidden, in, x, w1, a1);
        addBias(a1, b1);
        for (int i = 0; i < h.length; i++) {
            h[i] = a1[i] > 0f ? a1[i] : 0f;
        }
        NaiveGemm.sgemm(n, out, hidden, h, w2, logits);
        addBias(logits, b2);
        // Softmax with loss; dlogits = (y − t) / n.
        double loss = 0;
        float[] dlogits = new float[n * out];
        for (int r = 0; r < n; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < out; j++) {
                max = Math.max(max, logits[r * out + j]);
            }
            double sum = 0;
            for (int j = 0; j < out; j++) {
                sum += Math.exp(logits[r * out + j] - max);
            }
            loss += max + Math.log(sum) - logits[r * out + labels[r]];
            for (int j = 0; j < out; j++) {
                float y = (float) (Math.exp(logits[r * out + j] - max) / sum);
                dlogits[r * out + j] = (y - (j == labels[r] ? 1f : 0f)) / n;
            }
        }
        // Backward through Affine 2, ReLU, Affine 1.
        float[] dw2 = new float[hidden * out], dh = new float[n * hidden], dw1 = new float[in * hidden];
        NaiveGemm.sgemm(true, false, hidden, out, n, 1f, h, 0, hidden, dlogits, 0, out, 0f, dw2, 0, out);
        float[] db2 = columnSums(dlogits, n, out);
        NaiveGemm.sgemm(false, true, n, hidden, out, 1f, dlogits, 0, out, w2, 0, out, 0f, dh, 0, hidden);
        for (int i = 0; i < dh.length; i++) {
            dh[i] = a1[i] > 0f ? dh[i] : 0f;
        }
        NaiveGemm.sgemm(true, false, in, hidden, n, 1f, x, 0, in, dh, 0, hidden, 0f, dw1, 0, hidden);
        float[] db1 = columnSums(dh, n, hidden);
        float[] dx = new float[n * in]; // as the Affine layer does: dX of the first layer too
        NaiveGemm.sgemm(false, true, n, in, hidden, 1f, dh, 0, hidden, w1, 0, hidden, 0f, dx, 0, in);
        update(w1, dw1, velocity[0]);
        update(b1, db1, velocity[1]);
        update(w2, dw2, velocity[2]);
        update(b2, db2, velocity[3]);
        return loss / n;
    }

    private static void addBias(float[] y, float[] b) {
        for (int i = 0; i < y.length; i++) {
            y[i] += b[i % b.length];
        }
    }

    private static float[] columnSums(float[] x, int rows, int cols) {
        float[] s = new float[cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                s[j] += x[r * cols + j];
            }
        }
        return s;
    }

    private void update(float[] w, float[] g, float[] v) {
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - learningRate * g[i];
            w[i] += v[i];
        }
    }
}
