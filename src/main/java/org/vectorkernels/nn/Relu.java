package org.vectorkernels.nn;

import java.util.Objects;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.VectorizationProvider;

/** {@code y = max(x, 0)}, vectorized; forward keeps the mask of x &lt;= 0, and backward zeroes dout there. */
public final class Relu implements Layer {
    private static final Kernels KERNELS = VectorizationProvider.kernels();

    private boolean training = true;
    private boolean[] mask;
    private Tensor input;

    /** A layer in training mode. */
    public Relu() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return forwardReusing(x, null);
    }

    @Override
    public Tensor forwardReusing(Tensor x, Tensor spare) {
        Objects.requireNonNull(x, "x");
        Tensor y = Shapes.spareOr(spare, x.shape());
        boolean[] m = null;
        if (training) {
            m = mask != null && mask.length == x.size() ? mask : new boolean[x.size()];
        }
        KERNELS.relu(x.size(), x.data(), y.data(), m);
        mask = m;
        input = training ? x : null;
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        return backwardReusing(dout, null);
    }

    @Override
    public Tensor backwardReusing(Tensor dout, Tensor spare) {
        Tensor x = Shapes.kept(input, training);
        Shapes.requireSame("dout", dout, "the input", x);
        Tensor dx = Shapes.spareOr(spare, x.shape());
        KERNELS.reluBackward(dx.size(), dout.data(), mask, dx.data());
        return dx;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        if (!training) {
            mask = null;
            input = null;
        }
    }

    /** A new Relu of its own, so that an inference network shares no state with this one's. */
    @Override
    public Relu forInference() {
        return new Relu();
    }
}
