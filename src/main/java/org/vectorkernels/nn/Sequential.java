package org.vectorkernels.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Layers applied in order, ending in a {@link SoftmaxWithLoss}: the two-layer network of "Deep
 * Learning from Scratch" is {@link #twoLayerNet}. {@code predict} runs in inference mode (the
 * layers keep nothing); {@code gradient} runs forward and backward, leaving each parameter's
 * gradient set; {@code trainStep} adds an optimizer step. Not thread-safe.
 */
public final class Sequential {
    private final List<Layer> layers;
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    /** Each layer's last output and input gradient, handed back to it as spares: a step allocates no large array. */
    private final Tensor[] outputs, inputGradients;

    /**
     * A network of these layers in order (at least one), followed by a softmax with cross-entropy loss.
     *
     * @param layers the layers, in order; the network uses them, not copies
     */
    public Sequential(List<? extends Layer> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers is empty");
        }
        layers.forEach(l -> Objects.requireNonNull(l, "layers holds null"));
        this.layers = List.copyOf(layers);
        this.outputs = new Tensor[this.layers.size()];
        this.inputGradients = new Tensor[this.layers.size()];
    }

    /**
     * in → Affine → ReLU → Affine → (softmax with loss), as in the book, but with He-normal
     * weights before the ReLU and Glorot-uniform after it instead of the book's N(0, 0.01²): they
     * keep the activations' scale, so training starts at once. Biases zero; reproducible from the seed.
     *
     * @param in the values per example
     * @param hidden the width of the hidden layer
     * @param out the classes
     * @param seed the seed of the initial weights
     * @return the network
     */
    public static Sequential twoLayerNet(int in, int hidden, int out, long seed) {
        return new Sequential(List.of(
                Affine.builder(in, hidden).weightInitializer(Initializer.heNormal()).seed(seed).build(),
                new Relu(),
                Affine.builder(hidden, out).seed(seed + 1).build()));
    }

    /**
     * A network for inference, of this one's layers' {@link Layer#forInference} forms: every
     * {@link Affine} becomes a {@link PackedAffine}, its weight packed once, so that predict,
     * loss and accuracy skip the copy of each weight per batch. A snapshot: it does not see later
     * training of this network (take a new one after it), and it cannot be trained itself
     * (gradient and trainStep throw {@code UnsupportedOperationException}). Called on an inference
     * network, it gives a sibling that shares the packed weights (immutable) and has activations and
     * buffers of its own: a network is not thread-safe, so pack once and take a sibling per thread.
     *
     * @return the inference network
     */
    public Sequential forInference() {
        return new Sequential(layers.stream().map(Layer::forInference).toList());
    }

    /**
     * The logits for x, computed in inference mode: a new tensor.
     *
     * @param x the input, batch first
     * @return the logits, [N, classes]
     */
    public Tensor predict(Tensor x) {
        return infer(x, false);
    }

    /** The logits, in inference mode; {@code reuseLast}: in this network's own buffer, overwritten by the next call. */
    private Tensor infer(Tensor x, boolean reuseLast) {
        setTraining(false);
        try {
            return forward(x, reuseLast);
        } finally {
            setTraining(true);
        }
    }

    /**
     * The mean loss on (x, labels), in inference mode.
     *
     * @param x the input, batch first
     * @param labels the class of each row
     * @return the mean cross-entropy loss
     */
    public double loss(Tensor x, int[] labels) {
        Tensor logits = infer(x, true);
        lastLayer.setTraining(false);
        try {
            return lastLayer.forward(logits, labels);
        } finally {
            lastLayer.setTraining(true);
        }
    }

    /**
     * The fraction of rows of x whose largest logit is at its label.
     *
     * @param x the input, batch first
     * @param labels the class of each row
     * @return a fraction from 0 to 1
     */
    public double accuracy(Tensor x, int[] labels) {
        Tensor logits = infer(x, true);
        int n = logits.dim(0), c = logits.dim(1);
        Objects.requireNonNull(labels, "labels");
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries for " + n + " rows of x");
        }
        float[] y = logits.data();
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += argmax(y, i * c, c) == labels[i] ? 1 : 0;
        }
        return n == 0 ? 0 : (double) right / n;
    }

    /** The index of the largest of y[from, from + c), the first among equals; -1 if any is NaN, which no label matches. */
    static int argmax(float[] y, int from, int c) {
        int best = 0;
        for (int j = 0; j < c; j++) {
            if (Float.isNaN(y[from + j])) {
                return -1;
            }
            best = y[from + j] > y[from + best] ? j : best;
        }
        return best;
    }

    /**
     * Forward and backward on (x, labels): sets every parameter's gradient; returns the loss.
     *
     * @param x the input, batch first
     * @param labels the class of each row
     * @return the mean loss
     */
    public double gradient(Tensor x, int[] labels) {
        double loss = lastLayer.forward(forward(x, true), labels);
        Tensor d = lastLayer.backward();
        for (int i = layers.size() - 1; i > 0; i--) {
            d = inputGradients[i] = layers.get(i).backwardReusing(d, inputGradients[i]);
        }
        layers.get(0).backwardParameters(d); // the gradient of the data itself is of no use
        return loss;
    }

    /**
     * One step of training on a mini-batch; returns its loss (before the step).
     *
     * @param x the input, batch first
     * @param labels the class of each row
     * @param optimizer what applies the gradients
     * @return the mean loss before the step
     */
    public double trainStep(Tensor x, int[] labels, Sgd optimizer) {
        Objects.requireNonNull(optimizer, "optimizer");
        double loss = gradient(x, labels);
        optimizer.step(parameters());
        return loss;
    }

    /**
     * Every layer's parameters, in layer order.
     *
     * @return the parameters, in layer order
     */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    /**
     * The layers, in order, without the final softmax with loss.
     *
     * @return the layers, unmodifiable
     */
    public List<Layer> layers() {
        return layers;
    }

    /** Every layer in order, each into its buffer from the last call; the last layer's too only if {@code reuseLast}. */
    private Tensor forward(Tensor x, boolean reuseLast) {
        Objects.requireNonNull(x, "x");
        Tensor h = x;
        int last = layers.size() - 1;
        for (int i = 0; i < last; i++) {
            h = outputs[i] = layers.get(i).forwardReusing(h, outputs[i]);
        }
        h = reuseLast ? (outputs[last] = layers.get(last).forwardReusing(h, outputs[last])) : layers.get(last).forward(h);
        if (h.rank() != 2) {
            throw new IllegalArgumentException("the last layer must give [N, classes], not " + h);
        }
        return h;
    }

    private void setTraining(boolean training) {
        layers.forEach(l -> l.setTraining(training));
    }
}
