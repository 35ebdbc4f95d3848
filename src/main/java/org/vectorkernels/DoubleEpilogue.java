// GENERATED from src/main/java/org/vectorkernels/Epilogue.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import java.util.Objects;

/**
 * What {@link Gemm#dgemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int,
 * double, double[], int, int, DoubleEpilogue) dgemm} applies to C after the product, while each tile of C
 * is still in registers, so that it costs no second pass over C:
 * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)}, with a length-n bias added to every
 * row and {@code act} the identity or ReLU.
 *
 * <pre>{@code
 * // A dense layer's forward pass, Y = relu(X·W + b), in one call:
 * Gemm.dgemm(false, false, batch, out, in, 1d, x, 0, in, w, 0, out, 0d, y, 0, out,
 *            DoubleEpilogue.bias(b).withRelu());
 * }</pre>
 *
 * Immutable; the bias array is read at each call, not copied.
 */
public final class DoubleEpilogue {
    /** Nothing after the product. */
    public static final DoubleEpilogue NONE = new DoubleEpilogue(null, 0, false);
    private static final DoubleEpilogue RELU = new DoubleEpilogue(null, 0, true);

    private final double[] bias;
    private final int biasOffset;
    private final boolean relu;

    private DoubleEpilogue(double[] bias, int biasOffset, boolean relu) {
        this.bias = bias;
        this.biasOffset = biasOffset;
        this.relu = relu;
    }

    /**
     * Adds {@code bias[j]} to column j of C.
     *
     * @param bias one value per column of C, from index 0
     * @return the epilogue
     */
    public static DoubleEpilogue bias(double[] bias) {
        return bias(bias, 0);
    }

    /**
     * Adds {@code bias[biasOffset + j]} to column j of C.
     *
     * @param bias one value per column of C, from {@code biasOffset}
     * @param biasOffset where column 0's value is in {@code bias}; not negative
     * @return the epilogue
     */
    public static DoubleEpilogue bias(double[] bias, int biasOffset) {
        Objects.requireNonNull(bias, "bias");
        if (biasOffset < 0) {
            throw new IllegalArgumentException("biasOffset = " + biasOffset + " is negative");
        }
        return new DoubleEpilogue(bias, biasOffset, false);
    }

    /**
     * Replaces negative results by zero: {@code max(x, 0)}.
     *
     * @return the epilogue
     */
    public static DoubleEpilogue relu() {
        return RELU;
    }

    /**
     * This epilogue followed by ReLU.
     *
     * @return the bias of this one, if any, then ReLU
     */
    public DoubleEpilogue withRelu() {
        return bias == null ? RELU : new DoubleEpilogue(bias, biasOffset, true);
    }

    /**
     * The bias array, or null for none.
     *
     * @return the array given to {@link #bias(double[], int)}, not a copy
     */
    public double[] bias() {
        return bias;
    }

    /**
     * Where column 0's bias is in {@link #bias()}.
     *
     * @return the offset, 0 without a bias
     */
    public int biasOffset() {
        return biasOffset;
    }

    /**
     * Whether ReLU follows.
     *
     * @return true after {@link #relu()} or {@link #withRelu()}
     */
    public boolean hasRelu() {
        return relu;
    }

    @Override
    public String toString() {
        return (bias == null ? "" : "bias") + (bias != null && relu ? "+" : "") + (relu ? "relu" : "")
                + (bias == null && !relu ? "none" : "");
    }
}
