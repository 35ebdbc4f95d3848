// GENERATED from src/main/java22/org/vectorkernels/internal/panama/SegmentPanels.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import org.vectorkernels.internal.panama.kernels.DoubleSegmentTileKernels;
import org.vectorkernels.internal.panama.kernels.DoubleTileKernel;

/**
 * Panels of B off-heap, from a cache line on, so that no vector load of a panel straddles two
 * lines. The memory is an automatic arena's: freed by the garbage collector once the workspace
 * that holds it is dropped, so that what stays allocated is bounded as the workspaces are.
 * Compiled for JDK 22 (java.lang.foreign), loaded by name from {@link PanelsOfB}.
 */
final class SegmentPanels extends PanelsOfB {
    private static final long LINE_BYTES = 64;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;

    private final MemorySegment panels;
    private final int capacity;

    /** Empty: the kind's prototype. */
    SegmentPanels() {
        this.panels = MemorySegment.NULL;
        this.capacity = 0;
    }

    private SegmentPanels(int doubles) {
        this.panels = Arena.ofAuto().allocate((long) doubles * Double.BYTES, LINE_BYTES);
        this.capacity = doubles;
    }

    @Override
    int capacity() {
        return capacity;
    }

    @Override
    int start() {
        return 0;
    }

    @Override
    PanelsOfB withCapacity(int doubles) {
        try {
            return new SegmentPanels(doubles);
        } catch (OutOfMemoryError e) { // -XX:MaxDirectMemorySize reached: not worth failing a call for
            return offHeapRanOut(doubles, e);
        }
    }

    @Override
    boolean offHeap() {
        return true;
    }

    @Override
    void copy(int width, double[] src, int from, int to) {
        // Written out, as HeapPanels.copy, for C2 to unroll.
        final int lanes = Species.LANES;
        long at = (long) to * Double.BYTES, vectorBytes = (long) lanes * Double.BYTES;
        DoubleVector.fromArray(Species.F, src, from).intoMemorySegment(panels, at, ORDER);
        if (width > lanes) {
            DoubleVector.fromArray(Species.F, src, from + lanes).intoMemorySegment(panels, at + vectorBytes, ORDER);
        }
        if (width > 2 * lanes) {
            DoubleVector.fromArray(Species.F, src, from + 2 * lanes).intoMemorySegment(panels, at + 2 * vectorBytes, ORDER);
        }
        if (width > 3 * lanes) {
            DoubleVector.fromArray(Species.F, src, from + 3 * lanes).intoMemorySegment(panels, at + 3 * vectorBytes, ORDER);
        }
    }

    @Override
    void copyPart(double[] src, int from, int to, int count) {
        DoubleVector.fromArray(Species.F, src, from, Species.F.indexInRange(0, count))
                .intoMemorySegment(panels, (long) to * Double.BYTES, ORDER);
    }

    @Override
    void put(int to, double value) {
        panels.setAtIndex(DOUBLE, to, value);
    }

    @Override
    double get(int at) {
        return panels.getAtIndex(DOUBLE, at);
    }

    @Override
    void tile(DoubleTileKernel kernel, int kc, double[] a, int aIdx, int lda, int aStep, int bIdx, int ldb,
              double[] out, int outIdx, int ldo) {
        DoubleSegmentTileKernels.twin(kernel).compute(kc, a, aIdx, lda, aStep, panels, bIdx, ldb, out, outIdx, ldo);
    }
}
