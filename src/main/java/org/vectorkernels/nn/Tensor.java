package org.vectorkernels.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row-major float tensor: a {@code float[]} and a shape. {@link #of} wraps the array
 * without copying, so a tensor and its array share their elements.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape; the sizes must multiply to its length.
     *
     * @param data the elements, row-major; the tensor shares them
     * @param shape the sizes of the dimensions
     * @return the tensor
     */
    public static Tensor of(float[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(shape, "shape");
        if (shape.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension");
        }
        long size = elements(shape);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + (size < 0 ? "more elements than one array can" : size + " elements") + ", but data has " + data.length);
        }
        return new Tensor(data, shape.clone());
    }

    /**
     * A new tensor of zeros.
     *
     * @param shape the sizes of the dimensions
     * @return the tensor
     */
    public static Tensor zeros(int... shape) {
        Objects.requireNonNull(shape, "shape");
        long size = elements(shape);
        if (size < 0) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
        }
        return of(new float[(int) size], shape);
    }

    /** How many elements {@code shape} holds; -1 past what one array can hold (the product is not left to wrap). */
    private static long elements(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return size;
    }

    /**
     * The elements, shared with this tensor.
     *
     * @return the array behind this tensor, not a copy
     */
    public float[] data() {
        return data;
    }

    /**
     * A copy of the shape.
     *
     * @return the sizes of the dimensions
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The extent of one dimension.
     *
     * @param axis the dimension, from 0
     * @return its size
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /**
     * The number of elements.
     *
     * @return the product of the shape
     */
    public int size() {
        return data.length;
    }

    /**
     * The same elements under another shape with the same number of elements.
     *
     * @param newShape the sizes of the new dimensions
     * @return a tensor over the same array
     */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
