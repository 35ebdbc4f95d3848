package org.vectorkernels.nn;

import java.util.Objects;

import org.vectorkernels.Epilogue;
import org.vectorkernels.Gemm;
import org.vectorkernels.PackedMatrix;

/**
 * A dense layer for inference: {@code Y = X·W + b} with W packed once ({@link Gemm#packB}), so that
 * each batch skips the copy of W an {@link Affine} forward makes. Made by {@link Affine#forInference()}
 * as a snapshot of that layer's parameters: training goes on in the {@code Affine}, and a new
 * snapshot is taken after it; this layer has no parameters to update, and backward is an error,
 * so no update can be applied to it and lost. Immutable: any number of threads may call forward at once.
 */
public final class PackedAffine implements Layer {
    private final int in, out;
    private final PackedMatrix weight;
    private final float[] bias;
    private final Epilogue epilogue;

    PackedAffine(Tensor weight, Tensor bias) {
        this.in = weight.dim(0);
        this.out = weight.dim(1);
        this.weight = Gemm.packB(false, in, out, weight.data(), 0, out);
        this.bias = bias == null ? null : bias.data().clone();
        this.epilogue = bias == null ? Epilogue.NONE : Epilogue.bias(this.bias);
    }

    /** {@code Y = X·W + b} for X of shape [N, ...] with in values per row; returns a new [N, out]. */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, "x");
        return forward(x, Tensor.zeros(Shapes.flattenedRows(x, "x", in, out), out));
    }

    /**
     * As {@link #forward(Tensor)}, into {@code y} of shape [N, out], which is returned.
     *
     * @param x the input, [N, in] or [N, ...] with in values per row
     * @param y the output, [N, out]
     * @return {@code y}
     */
    public Tensor forward(Tensor x, Tensor y) {
        int n = Shapes.forwardRows(x, y, in, out);
        Gemm.sgemm(false, n, 1f, x.data(), 0, in, weight, 0f, y.data(), 0, out, epilogue);
        return y;
    }

    @Override
    public Tensor forwardReusing(Tensor x, Tensor spare) {
        Objects.requireNonNull(x, "x");
        return forward(x, Shapes.spareOr(spare, Shapes.flattenedRows(x, "x", in, out), out));
    }

    /** Always an error: this layer is for inference; train the {@link Affine} it came from. */
    @Override
    public Tensor backward(Tensor dout) {
        throw new UnsupportedOperationException("PackedAffine is for inference: train the Affine it was made from"
                + " and call forInference() again");
    }

    /** Nothing to switch: this layer never keeps its input; backward is an error in either mode. */
    @Override
    public void setTraining(boolean training) {
    }

    /** Itself: it is already for inference and immutable. */
    @Override
    public PackedAffine forInference() {
        return this;
    }

    /**
     * The packed weight, [in, out].
     *
     * @return the weight, packed once when this layer was made
     */
    public PackedMatrix weight() {
        return weight;
    }

    /**
     * The values per row of the input (in).
     *
     * @return in
     */
    public int inputSize() {
        return in;
    }

    /**
     * The columns of the output (out).
     *
     * @return out
     */
    public int outputSize() {
        return out;
    }
}
