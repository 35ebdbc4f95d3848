package org.vectorkernels.examples.spark;

import org.vectorkernels.nn.Sequential;

/** The book's two-layer network and how the training example trains it (benchmarks/train-fashion-mnist). */
final class Network {
    static final int HIDDEN = 100, CLASSES = 10, BATCH = 100;
    static final float LEARNING_RATE = 0.02f, MOMENTUM = 0.9f;
    /** Seeds of the initial weights and of the epochs' shuffles, as in the training example. */
    static final long WEIGHT_SEED = 7, SHUFFLE_SEED = 11;

    private Network() {}

    /** 784 → 100 → 10 (Affine, ReLU, Affine; softmax with cross-entropy), the initial weights from the seed. */
    static Sequential create(int features) {
        return Sequential.twoLayerNet(features, HIDDEN, CLASSES, WEIGHT_SEED);
    }
}
