package org.vectorkernels.examples;

import java.util.SplittableRandom;

import org.vectorkernels.data.LabeledImages;
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

    public static LabeledImages generate(int count, long seed) {
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
