package org.vectorkernels.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trainable tensor and the tensor of the same shape that backward writes its gradient into.
 *
 * @param name the name it is known by, unique within its layer
 * @param value the trainable values
 * @param gradient where backward writes dL/d(value); the shape of {@code value}
 */
public record Parameter(String name, Tensor value, Tensor gradient) {
    /** Checks that none is null and that the gradient has the value's shape. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gradient, "gradient");
        if (!Arrays.equals(value.shape(), gradient.shape())) {
            throw new IllegalArgumentException(name + ": gradient shape " + Arrays.toString(gradient.shape())
                    + " differs from the value's " + Arrays.toString(value.shape()));
        }
    }
}
