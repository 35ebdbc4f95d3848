package org.vectorkernels.examples.spark;

import java.io.Serializable;
import java.util.List;

import org.vectorkernels.nn.Parameter;
import org.vectorkernels.nn.Sequential;

/** The values of a network's parameters, in {@link Sequential#parameters()} order: what the driver broadcasts. */
record Weights(int features, float[][] values) implements Serializable {
    /** A copy of the parameters of {@code net}, which takes images of {@code features} pixels. */
    static Weights of(Sequential net, int features) {
        List<Parameter> params = net.parameters();
        float[][] values = new float[params.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).value().data().clone();
        }
        return new Weights(features, values);
    }

    /** Sets the parameters of {@code net}, a network of the same layers, to these values. */
    void copyInto(Sequential net) {
        List<Parameter> params = net.parameters();
        for (int i = 0; i < values.length; i++) {
            float[] target = params.get(i).value().data();
            System.arraycopy(values[i], 0, target, 0, target.length);
        }
    }

    /** A network for inference with these weights: each weight packed once ({@link Sequential#forInference()}). */
    Sequential forInference() {
        Sequential net = Network.create(features);
        copyInto(net);
        return net.forInference();
    }
}
