package org.vectorkernels.nn;

import java.util.Arrays;
import java.util.Objects;

/** The shape checks the layers share, with messages that name the argument. */
final class Shapes {
    private Shapes() {}

    /** Throws unless {@code actual} has the shape of {@code expected}. */
    static void requireSame(String name, Tensor actual, String expectedName, Tensor expected) {
        Objects.requireNonNull(actual, name);
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            throw new IllegalArgumentException(name + " must have the shape of " + expectedName + " "
                    + Arrays.toString(expected.shape()) + ", not " + Arrays.toString(actual.shape()));
        }
    }

    /** {@code spare} when it has exactly this shape, else a new zero tensor of it. */
    static Tensor spareOr(Tensor spare, int... shape) {
        if (spare != null && spare.rank() == shape.length) {
            boolean same = true;
            for (int axis = 0; axis < shape.length; axis++) {
                same &= spare.dim(axis) == shape[axis];
            }
            if (same) {
                return spare;
            }
        }
        return Tensor.zeros(shape);
    }

    /** The rows of x, of shape [N, ...] flattened to N rows (numpy's reshape(N, -1)), which must hold {@code in} values each. */
    static int flattenedRows(Tensor x, String name, int in, int out) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException(name + " needs a batch dimension");
        }
        long width = 1;
        for (int axis = 1; axis < x.rank(); axis++) {
            width *= x.dim(axis);
        }
        if (x.rank() == 1 || width != in) {
            throw new IllegalArgumentException(name + " of shape " + Arrays.toString(x.shape())
                    + " flattens to rows of " + (x.rank() == 1 ? 1 : width) + " values, but this layer takes " + in
                    + " (weight [" + in + ", " + out + "])");
        }
        return x.dim(0);
    }

    /** The rows N of x (as {@link #flattenedRows}), after checking that y is [N, out]: a dense layer's forward into y. */
    static int forwardRows(Tensor x, Tensor y, int in, int out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int n = flattenedRows(x, "x", in, out);
        if (y.rank() != 2 || y.dim(0) != n || y.dim(1) != out) {
            throw new IllegalArgumentException("y must be [" + n + ", " + out + "] for x "
                    + Arrays.toString(x.shape()) + ", not " + Arrays.toString(y.shape()));
        }
        return n;
    }

    /** The state forward kept for backward, or an error saying why there is none. */
    static <T> T kept(T state, boolean training) {
        if (state == null) {
            throw new IllegalStateException(training ? "backward before forward"
                    : "backward in inference mode: forward kept nothing; call setTraining(true) before forward");
        }
        return state;
    }

    /** A scalar as a tensor of one element, for the graph nodes' scalar forms. */
    static Tensor scalar(float value) {
        return Tensor.of(new float[] {value}, 1);
    }

    /** The values of one-element gradients. */
    static float[] scalars(Tensor[] gradients) {
        float[] values = new float[gradients.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = gradients[i].data()[0];
        }
        return values;
    }
}
