package org.vectorkernels.examples.spark;

import java.util.SplittableRandom;

import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;
import org.vectorkernels.nn.Tensor;

/** The training example's training in this JVM alone (benchmarks/train-fashion-mnist): the reference for the Spark one. */
final class OneJvmTraining {
    private OneJvmTraining() {}

    /** The network after {@code epochs} epochs on {@code train}. */
    static Sequential train(LabeledImages train, int epochs) {
        int n = train.size(), features = train.images().size() / Math.max(1, n);
        Sequential net = Network.create(features);
        Sgd sgd = new Sgd(Network.LEARNING_RATE, Network.MOMENTUM, 0f);
        SplittableRandom shuffle = new SplittableRandom(Network.SHUFFLE_SEED);
        float[] x = new float[Network.BATCH * features];
        int[] t = new int[Network.BATCH];
        for (int e = 1; e <= epochs; e++) {
            int[] order = LabeledImages.randomOrder(n, shuffle);
            for (int b = 0; b < n / Network.BATCH; b++) {
                train.copyRows(order, b * Network.BATCH, x, t);
                net.trainStep(Tensor.of(x, Network.BATCH, features), t, sgd);
            }
        }
        return net;
    }
}
