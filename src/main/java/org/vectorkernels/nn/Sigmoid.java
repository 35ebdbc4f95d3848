package org.vectorkernels.nn;

import java.util.Objects;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.VectorizationProvider;

/**
 * {@code y = 1 / (1 + e^−x)}, vectorized; forward keeps its output y (the tensor it returns: do
 * not modify it before backward), and backward gives {@code dout·(1 − y)·y}.
 */
public final class Sigmoid implements Layer {
    private static final Kernels KERNELS = VectorizationProvider.kernels();

    private boolean training = true;
    private Tensor output;

    /** A layer in training mode. */
    public Sigmoid() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return forwardReusing(x, null);
    }

    @Override
    public Tensor forwardReusing(Tensor x, Tensor spare) {
        Objects.requireNonNull(x, "x");
        Tensor y = Shapes.spareOr(spare, x.shape());
        KERNELS.sigmoid(x.size(), x.data(), y.data());
        output = training ? y : null;
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        return backwardReusing(dout, null);
    }

    @Override
    public Tensor backwardReusing(Tensor dout, Tensor spare) {
        Tensor y = Shapes.kept(output, training);
        Shapes.requireSame("dout", dout, "the output", y);
        Tensor dx = Shapes.spareOr(spare, y.shape());
        KERNELS.sigmoidBackward(dx.size(), dout.data(), y.data(), dx.data());
        return dx;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        if (!training) {
            output = null;
        }
    }

    /** A new Sigmoid of its own, so that an inference network shares no state with this one's. */
    @Override
    public Sigmoid forInference() {
        return new Sigmoid();
    }
}
