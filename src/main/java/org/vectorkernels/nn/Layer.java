package org.vectorkernels.nn;

import java.util.List;

/**
 * A layer of a network trained by backpropagation: forward keeps what backward needs (only
 * while training), backward takes dL/d(output) and returns dL/d(input), setting the gradients of
 * the layer's parameters. Layers are not thread-safe.
 */
public interface Layer {
    Tensor forward(Tensor x);

    Tensor backward(Tensor dout);

    /** In inference mode forward keeps nothing, and backward is an error. Layers start in training mode. */
    void setTraining(boolean training);

    /** The trainable parameters with their gradients; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
