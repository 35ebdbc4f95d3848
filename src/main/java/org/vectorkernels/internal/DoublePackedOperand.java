// GENERATED from src/main/java/org/vectorkernels/internal/PackedOperand.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal;

/**
 * op(B) copied once into the layout of the {@link Kernels} that packed it, for any number of
 * products by it: the value behind {@code org.vectorkernels.DoublePackedMatrix}. Never written after
 * construction, so threads share it freely.
 */
public final class DoublePackedOperand {
    private final Kernels packer;
    private final int k, n;
    private final double[] asStored;
    private final double[] data;
    private final int start, paddedColumns;

    /**
     * k×n op(B) in {@code data} from {@code start} on, in {@code packer}'s layout, rows of
     * {@code paddedColumns}; {@code asStored}, where the packer keeps one, a plain copy of B as it
     * was stored (n rows of k when transposed), else null.
     */
    public DoublePackedOperand(Kernels packer, int k, int n, double[] asStored, double[] data, int start, int paddedColumns) {
        this.packer = packer;
        this.k = k;
        this.n = n;
        this.asStored = asStored;
        this.data = data;
        this.start = start;
        this.paddedColumns = paddedColumns;
    }

    public Kernels packer() {
        return packer;
    }

    public int k() {
        return k;
    }

    public int n() {
        return n;
    }

    /** B as it was stored, rows of k doubles one after another, where the packer keeps it; else null. */
    public double[] asStored() {
        return asStored;
    }

    public double[] data() {
        return data;
    }

    public int start() {
        return start;
    }

    /** n rounded up to the packer's panel width. */
    public int paddedColumns() {
        return paddedColumns;
    }

    /** Bytes held: the arrays, their headers included. */
    public long sizeInBytes() {
        return 16L + 4L * data.length + (asStored == null ? 0 : 16L + 4L * asStored.length);
    }
}
