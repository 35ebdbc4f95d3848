package org.vectorkernels.internal;

/**
 * op(B) copied once into the layout of the {@link Kernels} that packed it, for any number of
 * products by it: the value behind {@code org.vectorkernels.PackedMatrix}. Never written after
 * construction, so threads share it freely.
 */
public final class PackedOperand {
    private final Kernels packer;
    private final int k, n;
    private final boolean transposedSource;
    private final float[] data;
    private final int start, paddedColumns;

    /**
     * k×n op(B) in {@code data} from {@code start} on, in {@code packer}'s layout, rows of
     * {@code paddedColumns}; {@code transposedSource} says whether B was stored n×k.
     */
    public PackedOperand(Kernels packer, int k, int n, boolean transposedSource, float[] data, int start, int paddedColumns) {
        this.packer = packer;
        this.k = k;
        this.n = n;
        this.transposedSource = transposedSource;
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

    /** Whether B was stored transposed: the m = 1 path sums in the order its unpacked twin does. */
    public boolean transposedSource() {
        return transposedSource;
    }

    public float[] data() {
        return data;
    }

    public int start() {
        return start;
    }

    /** n rounded up to the packer's panel width. */
    public int paddedColumns() {
        return paddedColumns;
    }

    /** Bytes held: the array, its header included. */
    public long sizeInBytes() {
        return 16L + 4L * data.length;
    }
}
