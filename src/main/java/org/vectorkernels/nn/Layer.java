package org.vectorkernels.nn;

import java.util.List;

/**
 * A layer of a network trained by backpropagation: forward keeps what backward needs (only
 * while training), backward takes dL/d(output) and returns dL/d(input), setting the gradients of
 * the layer's parameters. Layers are not thread-safe.
 */
public interface Layer {
    /**
     * The output for x; while training, also keeps what backward needs.
     *
     * @param x the input, batch first
     * @return the output, a new tensor
     */
    Tensor forward(Tensor x);

    /**
     * dL/d(input) from dL/d(output) of the last forward, setting the parameters' gradients.
     *
     * @param dout dL/d(output), the shape of the last output
     * @return dL/d(input), the shape of the last input
     */
    Tensor backward(Tensor dout);

    /**
     * As {@link #forward}, but writes the output into {@code spare} and returns it when {@code spare}
     * has the output's shape, instead of a new tensor: a caller that passes back what the last call
     * returned (or null at first) runs a training loop without garbage. The default allocates.
     *
     * @param x the input, batch first
     * @param spare a tensor this layer may write the output into, or null
     * @return the output: {@code spare} or a new tensor
     */
    default Tensor forwardReusing(Tensor x, Tensor spare) {
        return forward(x);
    }

    /**
     * As {@link #backward}, writing dL/d(input) into {@code spare} when it has the input's shape (see {@link #forwardReusing}).
     *
     * @param dout dL/d(output), the shape of the last output
     * @param spare a tensor this layer may write dL/d(input) into, or null
     * @return dL/d(input): {@code spare} or a new tensor
     */
    default Tensor backwardReusing(Tensor dout, Tensor spare) {
        return backward(dout);
    }

    /**
     * Sets the parameters' gradients as {@link #backward} does, without computing dL/d(input):
     * for the first layer of a network, whose input is the data and whose input gradient nobody reads.
     *
     * @param dout dL/d(output), the shape of the last output
     */
    default void backwardParameters(Tensor dout) {
        backward(dout);
    }

    /**
     * In inference mode forward keeps nothing, and backward is an error. Layers start in training mode.
     *
     * @param training true for training mode, false for inference
     */
    void setTraining(boolean training);

    /**
     * A layer that computes this one's forward for inference, made for it (for {@link
     * Sequential#forInference}): {@link Affine} gives a {@link PackedAffine}, the activations a new
     * instance of their own; by default this layer itself.
     *
     * @return the inference form of this layer
     */
    default Layer forInference() {
        return this;
    }

    /**
     * The trainable parameters with their gradients; none by default.
     *
     * @return the parameters, in a fixed order
     */
    default List<Parameter> parameters() {
        return List.of();
    }
}
