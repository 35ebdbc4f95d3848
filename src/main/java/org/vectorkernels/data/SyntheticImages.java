package org.vectorkernels.data;

import java.util.SplittableRandom;

import org.vectorkernels.nn.Tensor;

/**
 * A stand-in for Fashion-MNIST when it is not installed: 28×28 images in [0, 1] of 10 classes,
 * each class a random blotchy prototype, each image its prototype with noise and a random
 * brightness. Easy: the network reaches 100% within an epoch or two; it shows that training
 * runs, not how well.
 */
public final class SyntheticImages {
    static final int SIDE = 28, CLASSES = 10;

    private SyntheticImages() {}

    /**
     * A set of {@code count} images; the same count and seed give the same set, and the class
     * prototypes are the same for every seed, so that sets of two seeds are a training and a test set.
     *
     * @param count the number of images, at least 0
     * @param seed the seed of the images' classes, noise and brightness
     * @return the images [count, 28, 28] and their labels
     */
    public static LabeledImages generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, not " + count);
        }
        SplittableRandom prototypes = new SplittableRandom(42), random = new SplittableRandom(seed);
        int pixels = SIDE * SIDE;
        float[][] proto = new float[CLASSES][pixels];
        for (float[] p : proto) {
            for (int i = 0; i < pixels; i++) {
                p[i] = prototypes.nextDouble() < 0.3 ? (float) prototypes.nextDouble(0.4, 1.0) : 0f;
            }
        }
        float[] images = new float[count * pixels];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int c = random.nextInt(CLASSES);
            labels[n] = c;
            float brightness = (float) random.nextDouble(0.6, 1.0);
            for (int i = 0; i < pixels; i++) {
                float v = proto[c][i] * brightness + (float) random.nextGaussian() * 0.35f;
                images[n * pixels + i] = Math.min(1f, Math.max(0f, v));
            }
        }
        return new LabeledImages(Tensor.of(images, count, SIDE, SIDE), labels);
    }
}
