package org.vectorkernels.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.vectorkernels.Epilogue;
import org.vectorkernels.Gemm;

/**
 * A dense (fully connected) layer: {@code Y = X·W + b}, with W in×out and b of length out.
 *
 * <p>forward takes X of shape [N, d1, d2, ...] and treats it as N rows of d1·d2·... = in values
 * (numpy's {@code x.reshape(x.shape[0], -1)}); backward returns dX in X's shape and sets
 * {@code dW = Xᵀ·dY (+ λ·W)} and {@code db = Σ_rows dY (+ λ·b)}. The bias is added inside the
 * forward GEMM (a fused epilogue), and dW and db come from one call that reads dY once.
 *
 * <pre>{@code
 * Affine fc = Affine.builder(784, 100).seed(42).l2(1e-4f).build();
 * Tensor y = fc.forward(x);          // x: [batch, 28, 28]
 * Tensor dx = fc.backward(dy);       // dx: [batch, 28, 28]
 * fc.weightGrad(); fc.biasGrad();
 * }</pre>
 *
 * Gradients are overwritten by each backward unless {@link Builder#accumulateGradients} is set
 * (several micro-batches into one step; then call {@link #zeroGradients}). In inference mode
 * ({@code setTraining(false)}) forward keeps no reference to its input. Not thread-safe.
 */
public final class Affine implements Layer {
    private final int in, out;
    private final Tensor weight, bias, weightGrad, biasGrad;
    private final Epilogue forwardEpilogue;
    private final float l2;
    private final boolean l2OnBias, accumulate;
    private boolean training = true;
    private Tensor input;

    /**
     * A layer over the given parameters (not copied): weight [in, out], bias [out] or null for none.
     *
     * @param weight the weight, [in, out]
     * @param bias the bias, [out], or null for none
     */
    public Affine(Tensor weight, Tensor bias) {
        this(weight, bias, 0f, false, false);
    }

    /**
     * A layer of Glorot-uniform weights and zero bias, from an unseeded random source.
     *
     * @param in the values per row of the input
     * @param out the columns of the output
     */
    public Affine(int in, int out) {
        this(builder(in, out));
    }

    private Affine(Builder b) {
        this(b.initialWeight(), b.useBias ? b.initialBias() : null, b.l2, b.l2OnBias, b.accumulate);
    }

    private Affine(Tensor weight, Tensor bias, float l2, boolean l2OnBias, boolean accumulate) {
        Objects.requireNonNull(weight, "weight");
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("weight must be [in, out], not " + Arrays.toString(weight.shape()));
        }
        this.in = weight.dim(0);
        this.out = weight.dim(1);
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("weight " + Arrays.toString(weight.shape()) + " must have in >= 1 and out >= 1");
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != out)) {
            throw new IllegalArgumentException("bias must be [" + out + "] for weight "
                    + Arrays.toString(weight.shape()) + ", not " + Arrays.toString(bias.shape()));
        }
        if (!(l2 >= 0f)) {
            throw new IllegalArgumentException("l2 = " + l2 + " must be >= 0");
        }
        this.weight = weight;
        this.bias = bias;
        this.weightGrad = Tensor.zeros(in, out);
        this.biasGrad = bias == null ? null : Tensor.zeros(out);
        this.forwardEpilogue = bias == null ? Epilogue.NONE : Epilogue.bias(bias.data());
        this.l2 = l2;
        this.l2OnBias = l2OnBias;
        this.accumulate = accumulate;
    }

    /**
     * Options for a layer of {@code in} inputs and {@code out} outputs.
     *
     * @param in the values per row of the input
     * @param out the columns of the output
     * @return a builder with the defaults
     */
    public static Builder builder(int in, int out) {
        return new Builder(in, out);
    }

    /** {@code Y = X·W + b} for X of shape [N, ...] with in values per row; returns a new [N, out]. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, Tensor.zeros(rows(x, "x"), out));
    }

    /**
     * As {@link #forward(Tensor)}, into {@code y} of shape [N, out], which is returned: with
     * reused outputs a training loop allocates nothing (large arrays are costly in G1).
     *
     * @param x the input, [N, in] or [N, ...] with in values per row
     * @param y the output, [N, out]
     * @return {@code y}
     */
    public Tensor forward(Tensor x, Tensor y) {
        int n = Shapes.forwardRows(x, y, in, out);
        Gemm.sgemm(false, false, n, out, in, 1f, x.data(), 0, in, weight.data(), 0, out, 0f, y.data(), 0, out,
                forwardEpilogue);
        input = training ? x : null;
        return y;
    }

    @Override
    public Tensor forwardReusing(Tensor x, Tensor spare) {
        Objects.requireNonNull(x, "x");
        return forward(x, Shapes.spareOr(spare, rows(x, "x"), out));
    }

    @Override
    public Tensor backwardReusing(Tensor dout, Tensor spare) {
        return backward(dout, Shapes.spareOr(spare, Shapes.kept(input, training).shape()));
    }

    /** Sets the gradients from dY = dL/dY of shape [N, out] and returns a new dX in the input's shape. */
    @Override
    public Tensor backward(Tensor dout) {
        Tensor x = input;
        return backward(dout, x == null ? null : Tensor.zeros(x.shape()));
    }

    /**
     * As {@link #backward(Tensor)}, into {@code dx} of the input's shape, which is returned.
     *
     * @param dout dL/d(output), [N, out]
     * @param dxOut where dL/d(input) goes, of the last input's shape
     * @return {@code dxOut}
     */
    public Tensor backward(Tensor dout, Tensor dxOut) {
        Objects.requireNonNull(dout, "dout");
        Tensor x = Shapes.kept(input, training);
        int n = x.dim(0);
        requireDout(dout, x);
        Shapes.requireSame("dx", dxOut, "the input", x);
        Gemm.sgemm(false, true, n, in, out, 1f, dout.data(), 0, out, weight.data(), 0, out, 0f, dxOut.data(), 0, in);
        parameterGradients(x, dout);
        return dxOut;
    }

    /** As {@link #backward(Tensor)}, but dX is not computed: a third of the work of a backward. */
    @Override
    public void backwardParameters(Tensor dout) {
        Objects.requireNonNull(dout, "dout");
        Tensor x = Shapes.kept(input, training);
        parameterGradients(x, requireDout(dout, x));
    }

    private Tensor requireDout(Tensor dout, Tensor x) {
        int n = x.dim(0);
        if (dout.rank() != 2 || dout.dim(0) != n || dout.dim(1) != out) {
            throw new IllegalArgumentException("dout must be [" + n + ", " + out + "] for input "
                    + Arrays.toString(x.shape()) + ", not " + Arrays.toString(dout.shape()));
        }
        return dout;
    }

    /** dW = Xᵀ·dY and db = Σ_rows dY (+ λ terms), overwritten or accumulated. */
    private void parameterGradients(Tensor x, Tensor dout) {
        int n = x.dim(0);
        float beta = accumulate ? 1f : 0f;
        if (bias != null) {
            Gemm.sgemmWithColumnSums(true, false, in, out, n, 1f, x.data(), 0, in, dout.data(), 0, out,
                    beta, weightGrad.data(), 0, out, biasGrad.data(), 0, accumulate);
        } else {
            Gemm.sgemm(true, false, in, out, n, 1f, x.data(), 0, in, dout.data(), 0, out,
                    beta, weightGrad.data(), 0, out);
        }
        if (l2 != 0f) {
            addScaled(weightGrad.data(), l2, weight.data());
            if (bias != null && l2OnBias) {
                addScaled(biasGrad.data(), l2, bias.data());
            }
        }
    }

    private static void addScaled(float[] grad, float l2, float[] param) {
        for (int i = 0; i < grad.length; i++) {
            grad[i] += l2 * param[i];
        }
    }

    private int rows(Tensor x, String name) {
        return Shapes.flattenedRows(x, name, in, out);
    }

    /**
     * This layer for inference: its weight packed once ({@link org.vectorkernels.Gemm#packB}), its
     * bias copied. A snapshot: later changes to this layer's parameters (a training step, a write
     * to {@link #weight()}) do not reach it; take a new one after them. See {@link PackedAffine}.
     */
    @Override
    public PackedAffine forInference() {
        return new PackedAffine(weight, bias);
    }

    /** Sets the gradients to zero, for accumulation over micro-batches. */
    public void zeroGradients() {
        Arrays.fill(weightGrad.data(), 0f);
        if (biasGrad != null) {
            Arrays.fill(biasGrad.data(), 0f);
        }
    }

    /** In inference mode forward keeps no input, and backward is an error. */
    @Override
    public void setTraining(boolean training) {
        this.training = training;
        if (!training) {
            input = null;
        }
    }

    /**
     * Whether forward keeps its input for backward.
     *
     * @return true in training mode
     */
    public boolean isTraining() {
        return training;
    }

    /**
     * The weight [in, out], the layer's own (an update to it is the layer's update).
     *
     * @return the weight tensor, not a copy
     */
    public Tensor weight() {
        return weight;
    }

    /** The weight and (when there is one) the bias, with their gradients. */
    @Override
    public List<Parameter> parameters() {
        Parameter w = new Parameter("weight", weight, weightGrad);
        return bias == null ? List.of(w) : List.of(w, new Parameter("bias", bias, biasGrad));
    }

    /**
     * The bias, or null when the layer has none.
     *
     * @return the bias tensor, not a copy, or null
     */
    public Tensor bias() {
        return bias;
    }

    /**
     * The weight gradient [in, out], set by backward.
     *
     * @return the weight gradient tensor, not a copy
     */
    public Tensor weightGrad() {
        return weightGrad;
    }

    /**
     * The bias gradient, or null when the layer has no bias.
     *
     * @return the bias gradient tensor, not a copy, or null
     */
    public Tensor biasGrad() {
        return biasGrad;
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

    /** Options for a new layer; every one has the usual default. */
    public static final class Builder {
        private final int in, out;
        private boolean useBias = true;
        private Initializer weightInit = Initializer.glorotUniform();
        private Initializer biasInit = Initializer.zeros();
        private SplittableRandom random = new SplittableRandom();
        private float l2;
        private boolean l2OnBias, accumulate;

        private Builder(int in, int out) {
            if (in < 1 || out < 1) {
                throw new IllegalArgumentException("in = " + in + " and out = " + out + " must be positive");
            }
            this.in = in;
            this.out = out;
        }

        /**
         * Whether the layer adds a bias (it does by default).
         *
         * @param useBias false for a layer without bias
         * @return this builder
         */
        public Builder useBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        /**
         * How the weight is filled (Glorot uniform by default).
         *
         * @param init the weight's initializer
         * @return this builder
         */
        public Builder weightInitializer(Initializer init) {
            this.weightInit = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * How the bias is filled (zeros by default).
         *
         * @param init the bias's initializer
         * @return this builder
         */
        public Builder biasInitializer(Initializer init) {
            this.biasInit = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * Makes the initial parameters reproducible.
         *
         * @param seed the seed of the random source
         * @return this builder
         */
        public Builder seed(long seed) {
            this.random = new SplittableRandom(seed);
            return this;
        }

        /**
         * L2 regularization: adds λ·W to dW (the gradient of (λ/2)·‖W‖²) on every backward.
         *
         * @param lambda λ, 0 for none; not negative
         * @return this builder
         */
        public Builder l2(float lambda) {
            this.l2 = lambda;
            return this;
        }

        /**
         * Whether L2 also applies to the bias (it does not by default).
         *
         * @param l2OnBias true to decay the bias too
         * @return this builder
         */
        public Builder l2OnBias(boolean l2OnBias) {
            this.l2OnBias = l2OnBias;
            return this;
        }

        /**
         * Adds each backward's gradients to the previous ones instead of overwriting them.
         *
         * @param accumulate true to add, false to overwrite
         * @return this builder
         */
        public Builder accumulateGradients(boolean accumulate) {
            this.accumulate = accumulate;
            return this;
        }

        /**
         * A new layer with these options.
         *
         * @return the layer
         */
        public Affine build() {
            return new Affine(this);
        }

        private Tensor initialWeight() {
            Tensor w = Tensor.zeros(in, out);
            weightInit.fill(w.data(), in, out, random);
            return w;
        }

        private Tensor initialBias() {
            Tensor b = Tensor.zeros(out);
            biasInit.fill(b.data(), in, out, random);
            return b;
        }
    }
}
