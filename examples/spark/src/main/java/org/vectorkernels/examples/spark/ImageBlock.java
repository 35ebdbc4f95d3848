package org.vectorkernels.examples.spark;

import java.io.Serializable;

/** Rows [first, first + labels.length) of a set: an RDD's element, {@code features} floats per image. */
record ImageBlock(int first, int features, float[] images, int[] labels) implements Serializable {
    int size() {
        return labels.length;
    }

    /** Whether the set's row {@code row} is in this block. */
    boolean holds(int row) {
        return row >= first && row < first + labels.length;
    }

    /** Copies row {@code row} of the set (one this block holds) to row {@code to} of x and t. */
    void copyRow(int row, float[] x, int[] t, int to) {
        System.arraycopy(images, (row - first) * features, x, to * features, features);
        t[to] = labels[row - first];
    }
}
