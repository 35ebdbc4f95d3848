package org.vectorkernels.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stochastic gradient descent: {@code v = μ·v − η·(g + λ·w); w += v}, with learning rate η,
 * momentum μ (0: plain SGD, {@code w −= η·(g + λ·w)}) and weight decay λ (0: none). The velocity
 * of each parameter is kept here, created at its first step.
 */
public final class Sgd {
    private final float learningRate, momentum, weightDecay;
    private final Map<Tensor, float[]> velocity = new IdentityHashMap<>();

    /**
     * Plain SGD: no momentum, no weight decay.
     *
     * @param learningRate the step size: positive and finite
     */
    public Sgd(float learningRate) {
        this(learningRate, 0f, 0f);
    }

    /**
     * SGD with momentum (0 for none, below 1) and weight decay (0 for none); the rate positive and finite.
     *
     * @param learningRate the step size: positive and finite
     * @param momentum from 0 (none) to below 1
     * @param weightDecay the L2 factor, 0 for none; not negative
     */
    public Sgd(float learningRate, float momentum, float weightDecay) {
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " must be positive and finite");
        }
        if (!(momentum >= 0f && momentum < 1f)) {
            throw new IllegalArgumentException("momentum = " + momentum + " must be in [0, 1)");
        }
        if (!(weightDecay >= 0f) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay = " + weightDecay + " must be >= 0 and finite");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /**
     * Updates every parameter from its gradient.
     *
     * @param parameters the parameters to update, each with the gradient of the last backward
     */
    public void step(List<Parameter> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        for (Parameter p : parameters) {
            Objects.requireNonNull(p, "parameters holds null");
        }
        for (Parameter p : parameters) {
            float[] w = p.value().data(), g = p.gradient().data();
            if (momentum == 0f) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= learningRate * (g[i] + weightDecay * w[i]);
                }
            } else {
                float[] v = velocity.computeIfAbsent(p.value(), key -> new float[w.length]);
                for (int i = 0; i < w.length; i++) {
                    v[i] = momentum * v[i] - learningRate * (g[i] + weightDecay * w[i]);
                    w[i] += v[i];
                }
            }
        }
    }

    /**
     * The learning rate this optimizer was made with.
     *
     * @return the learning rate
     */
    public float learningRate() {
        return learningRate;
    }
}
