// GENERATED from src/main/java/org/vectorkernels/PackedMatrix.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import org.vectorkernels.internal.DoublePackedOperand;

/**
 * A k×n right-hand operand of {@link Gemm#dgemm(boolean, int, double, double[], int, int, DoublePackedMatrix,
 * double, double[], int, int, DoubleEpilogue)}, packed once by {@link Gemm#packB} into the layout the kernels
 * read, so that each product by it skips the copy an ordinary call makes of B: weights that many
 * batches are multiplied by. A copy: later writes to the source array do not reach it. Immutable;
 * any number of threads may use one at once. It holds about k·n doubles (n rounded up to the kernels'
 * panel width), twice that when packed from B stored n×k (the Vector API kernels then also keep B
 * as stored, on which a product with one row is fastest), {@link #sizeInBytes()} exactly, and
 * belongs to the JVM that made it.
 */
public final class DoublePackedMatrix {
    private final DoublePackedOperand operand;

    DoublePackedMatrix(DoublePackedOperand operand) {
        this.operand = operand;
    }

    /**
     * k: the depth of the products, the rows of op(B).
     *
     * @return k
     */
    public int rows() {
        return operand.k();
    }

    /**
     * n: the columns of op(B) and of C.
     *
     * @return n
     */
    public int columns() {
        return operand.n();
    }

    /**
     * The memory it holds, array headers included.
     *
     * @return about 4·k·n bytes, or twice that packed from n×k
     */
    public long sizeInBytes() {
        return operand.sizeInBytes();
    }

    DoublePackedOperand operand() {
        return operand;
    }

    @Override
    public String toString() {
        return "DoublePackedMatrix[" + rows() + "×" + columns() + ", " + sizeInBytes() + " bytes]";
    }
}
