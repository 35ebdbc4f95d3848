package org.vectorkernels.examples;

import java.util.SplittableRandom;

import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;
import org.vectorkernels.nn.Tensor;

/** One epoch of mini-batch training over a shuffled training set, for any {@link Net}. */
public final class TrainingLoop {
    /** A network that takes one SGD step on a batch of n rows and returns the batch's loss. */
    public interface Net {
        double trainStep(float[] x, int[] labels, int n);
    }

    /** Called after each batch with the batches done, their mean loss so far and images per second. */
    public interface Progress {
        void update(int batchesDone, int batches, double meanLoss, double imagesPerSecond);
    }

    private TrainingLoop() {}

    /** The vector-kernels network as a {@link Net}. */
    public static Net of(Sequential net, Sgd sgd, int features) {
        return (x, labels, n) -> net.trainStep(Tensor.of(x, n, features), labels, sgd);
    }

    /** Trains on every full batch of a fresh shuffle of {@code train}; returns the mean batch loss. */
    public static double epoch(Net net, LabeledImages train, int batch, SplittableRandom random, Progress progress) {
        int n = train.size(), features = train.images().size() / Math.max(1, n), batches = n / batch;
        int[] order = LabeledImages.randomOrder(n, random);
        double lossSum = 0;
        // One batch buffer for the epoch: a fresh 300 KiB array per step is garbage G1 must collect.
        float[] x = new float[batch * features];
        int[] t = new int[batch];
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            train.copyRows(order, b * batch, x, t);
            lossSum += net.trainStep(x, t, batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.update(b + 1, batches, lossSum / (b + 1), (b + 1) * (double) batch / seconds);
        }
        return lossSum / Math.max(1, batches);
    }

}
