package org.vectorkernels.nn;

import java.util.random.RandomGenerator;

/**
 * Fills a parameter array, given the layer's fan-in and fan-out and a random source. Any
 * lambda is a user initializer; the common ones are the static factories.
 */
@FunctionalInterface
public interface Initializer {
    /**
     * Fills the values of a parameter of a layer with {@code fanIn} inputs and {@code fanOut} outputs.
     *
     * @param values the parameter's values, filled in place
     * @param fanIn the inputs of the layer
     * @param fanOut the outputs of the layer
     * @param random the source of randomness
     */
    void fill(float[] values, int fanIn, int fanOut, RandomGenerator random);

    /**
     * Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)). The default for weights.
     *
     * @return the initializer
     */
    static Initializer glorotUniform() {
        return (values, fanIn, fanOut, random) -> {
            double limit = Math.sqrt(6.0 / Math.max(1, fanIn + fanOut));
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-limit, limit);
            }
        };
    }

    /**
     * He normal: N(0, 2 / fanIn), for layers followed by ReLU.
     *
     * @return the initializer
     */
    static Initializer heNormal() {
        return (values, fanIn, fanOut, random) -> {
            double std = Math.sqrt(2.0 / Math.max(1, fanIn));
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
        };
    }

    /**
     * All zeros. The default for biases.
     *
     * @return the initializer
     */
    static Initializer zeros() {
        return constant(0f);
    }

    /**
     * Every value the same.
     *
     * @param value the value of every element
     * @return the initializer
     */
    static Initializer constant(float value) {
        return (values, fanIn, fanOut, random) -> java.util.Arrays.fill(values, value);
    }
}
