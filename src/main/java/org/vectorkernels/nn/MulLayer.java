package org.vectorkernels.nn;

/**
 * The multiplication node of a computational graph: {@code out = x·y} elementwise, on tensors of
 * one shape or on scalars; backward gives {@code (dout·y, dout·x)}. Forward keeps both inputs
 * (while training).
 */
public final class MulLayer {
    private boolean training = true;
    private Tensor x, y;

    /** A node in training mode. */
    public MulLayer() {
    }

    /**
     * {@code x·y} elementwise, a new tensor; x and y of one shape.
     *
     * @param x the first input
     * @param y the second input, of x's shape
     * @return the product
     */
    public Tensor forward(Tensor x, Tensor y) {
        Shapes.requireSame("y", y, "x", java.util.Objects.requireNonNull(x, "x"));
        Tensor out = times(x, y);
        this.x = training ? x : null;
        this.y = training ? y : null;
        return out;
    }

    /**
     * {@code x·y} of two scalars.
     *
     * @param x the first input
     * @param y the second input
     * @return the product
     */
    public float forward(float x, float y) {
        return forward(Shapes.scalar(x), Shapes.scalar(y)).data()[0];
    }

    /**
     * {@code {dx, dy}} for dout of the inputs' shape.
     *
     * @param dout dL/d(output), of the inputs' shape
     * @return dL/dx (dout·y) and dL/dy (dout·x)
     */
    public Tensor[] backward(Tensor dout) {
        Tensor kx = Shapes.kept(x, training), ky = y;
        Shapes.requireSame("dout", dout, "the inputs", kx);
        return new Tensor[] {times(dout, ky), times(dout, kx)};
    }

    /**
     * {@code {dx, dy}} after a scalar forward.
     *
     * @param dout dL/d(output)
     * @return dL/dx (dout·y) and dL/dy (dout·x)
     */
    public float[] backward(float dout) {
        return Shapes.scalars(backward(Shapes.scalar(dout)));
    }

    /**
     * In inference mode forward keeps nothing, and backward is an error.
     *
     * @param training true for training mode, false for inference
     */
    public void setTraining(boolean training) {
        this.training = training;
        if (!training) {
            x = y = null;
        }
    }

    /** The elementwise product of two tensors of one shape, in a new tensor. */
    private static Tensor times(Tensor p, Tensor q) {
        Tensor product = Tensor.zeros(p.shape());
        float[] a = p.data(), b = q.data(), r = product.data();
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] * b[i];
        }
        return product;
    }
}
