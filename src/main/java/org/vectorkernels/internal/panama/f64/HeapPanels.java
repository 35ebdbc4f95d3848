// GENERATED from src/main/java/org/vectorkernels/internal/panama/HeapPanels.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import org.vectorkernels.internal.panama.kernels.DoubleTileKernel;

/**
 * Panels of B in a double array: a workspace's own (JDK 21, or off-heap panels turned off), or a
 * view of an array that is read as it is (B read in place, B packed before the call), which
 * {@link #view} points at another array without allocating.
 */
final class HeapPanels extends PanelsOfB {
    static final HeapPanels EMPTY = new HeapPanels(new double[0], 0);

    /** An array header, as HotSpot lays one out with or without compressed class pointers. */
    private static final int HEADER_BYTES = 16;
    private static final int MIB = 1 << 20;
    private static final int CACHE_LINE_BYTES = 64;

    /**
     * Where packed B starts in an array of its own: on a cache line, header included, where G1 puts
     * the array at a region's start (from half a region on); elsewhere wherever the array lies.
     */
    static final int START = (CACHE_LINE_BYTES - HEADER_BYTES) / Double.BYTES;

    private double[] array;
    private final int start;

    private HeapPanels(double[] array, int start) {
        this.array = array;
        this.start = start;
    }

    /** A view to point at arrays with {@link #view}. */
    static HeapPanels newView() {
        return new HeapPanels(null, 0);
    }

    /** This view, over {@code array} now. */
    HeapPanels view(double[] array) {
        this.array = array;
        return this;
    }

    /** Its array: the caller's or its own. */
    double[] array() {
        return array;
    }

    @Override
    int capacity() {
        return array.length - start;
    }

    @Override
    int start() {
        return start;
    }

    @Override
    PanelsOfB withCapacity(int doubles) {
        return new HeapPanels(new double[arrayLength(START + doubles)], START);
    }

    @Override
    boolean offHeap() {
        return false;
    }

    @Override
    void copy(int width, double[] src, int from, int to) {
        // Written out, not a loop over the width, which C2 did not unroll for a width known only at
        // run time (64³ packB 252 against 437 ns, Zen 5); the tests on a loop-invariant width are cheap.
        final int lanes = Species.LANES;
        DoubleVector.fromArray(Species.F, src, from).intoArray(array, to);
        if (width > lanes) {
            DoubleVector.fromArray(Species.F, src, from + lanes).intoArray(array, to + lanes);
        }
        if (width > 2 * lanes) {
            DoubleVector.fromArray(Species.F, src, from + 2 * lanes).intoArray(array, to + 2 * lanes);
        }
        if (width > 3 * lanes) {
            DoubleVector.fromArray(Species.F, src, from + 3 * lanes).intoArray(array, to + 3 * lanes);
        }
    }

    @Override
    void copyPart(double[] src, int from, int to, int count) {
        DoubleVector.fromArray(Species.F, src, from, Species.F.indexInRange(0, count)).intoArray(array, to);
    }

    @Override
    void put(int to, double value) {
        array[to] = value;
    }

    @Override
    double get(int at) {
        return array[at];
    }

    @Override
    void tile(DoubleTileKernel kernel, int kc, double[] a, int aIdx, int lda, int aStep, int bIdx, int ldb,
              double[] out, int outIdx, int ldo) {
        kernel.compute(kc, a, aIdx, lda, aStep, array, bIdx, ldb, out, outIdx, ldo);
    }

    /**
     * The doubles to allocate for {@code size}: from half a MiB on (where G1 makes an array humongous,
     * in regions of its own) whole MiB less the header, so that no array spills a few bytes into one
     * more region (1 MiB of doubles plus its header took two regions of 1 MiB, for 16 bytes).
     */
    static int arrayLength(int size) {
        long bytes = 4L * size + HEADER_BYTES;
        if (bytes < MIB / 2) {
            return size;
        }
        long whole = (bytes + MIB - 1) / MIB * MIB;
        return (int) Math.min(Integer.MAX_VALUE - 8, (whole - HEADER_BYTES) / 4);
    }
}
