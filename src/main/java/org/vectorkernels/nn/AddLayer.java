package org.vectorkernels.nn;

/**
 * The addition node of a computational graph: {@code out = x + y} elementwise, on tensors of one
 * shape or on scalars; backward passes dout to both inputs. Forward keeps only the shape.
 */
public final class AddLayer {
    private boolean training = true;
    private Tensor shapeOf;

    /** A node in training mode. */
    public AddLayer() {
    }

    /**
     * {@code x + y} elementwise, a new tensor; x and y of one shape.
     *
     * @param x the first input
     * @param y the second input, of x's shape
     * @return the sum
     */
    public Tensor forward(Tensor x, Tensor y) {
        Shapes.requireSame("y", y, "x", java.util.Objects.requireNonNull(x, "x"));
        Tensor out = Tensor.zeros(x.shape());
        float[] a = x.data(), b = y.data(), o = out.data();
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] + b[i];
        }
        shapeOf = training ? out : null;
        return out;
    }

    /**
     * {@code x + y} of two scalars.
     *
     * @param x the first input
     * @param y the second input
     * @return the sum
     */
    public float forward(float x, float y) {
        return forward(Shapes.scalar(x), Shapes.scalar(y)).data()[0];
    }

    /**
     * {@code {dx, dy}}: two copies of dout, of the inputs' shape.
     *
     * @param dout dL/d(output), of the inputs' shape
     * @return dL/dx and dL/dy
     */
    public Tensor[] backward(Tensor dout) {
        Shapes.requireSame("dout", dout, "the inputs", Shapes.kept(shapeOf, training));
        float[] d = dout.data();
        return new Tensor[] {Tensor.of(d.clone(), dout.shape()), Tensor.of(d.clone(), dout.shape())};
    }

    /**
     * {@code {dx, dy}} after a scalar forward.
     *
     * @param dout dL/d(output)
     * @return dL/dx and dL/dy
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
            shapeOf = null;
        }
    }
}
