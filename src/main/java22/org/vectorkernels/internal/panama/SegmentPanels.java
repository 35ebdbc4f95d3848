package org.vectorkernels.internal.panama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import org.vectorkernels.internal.panama.kernels.FloatSegmentTileKernels;
import org.vectorkernels.internal.panama.kernels.FloatTileKernel;

/**
 * Panels of B off-heap, from a cache line on, so that no vector load of a panel straddles two
 * lines. The memory is an automatic arena's: freed by the garbage collector once the workspace
 * that holds it is dropped, so that what stays allocated is bounded as the workspaces are.
 * Compiled for JDK 22 (java.lang.foreign), loaded by name from {@link PanelsOfB}.
 */
final class SegmentPanels extends PanelsOfB {
    private static final long LINE_BYTES = 64;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final MemorySegment panels;
    private final int capacity;

    /** Empty: the kind's prototype. */
    SegmentPanels() {
        this.panels = MemorySegment.NULL;
        this.capacity = 0;
    }

    private SegmentPanels(int floats) {
        this.panels = Arena.ofAuto().allocate((long) floats * Float.BYTES, LINE_BYTES);
        this.capacity = floats;
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
    PanelsOfB withCapacity(int floats) {
        try {
            return new SegmentPanels(floats);
        } catch (OutOfMemoryError e) { // -XX:MaxDirectMemorySize reached: not worth failing a call for
            return offHeapRanOut(floats, e);
        }
    }

    @Override
    boolean offHeap() {
        return true;
    }

    @Override
    void copy(int width, float[] src, int from, int to) {
        // Written out, as HeapPanels.copy, for C2 to unroll.
        final int lanes = Species.LANES;
        long at = (long) to * Float.BYTES, vectorBytes = (long) lanes * Float.BYTES;
        FloatVector.fromArray(Species.F, src, from).intoMemorySegment(panels, at, ORDER);
        if (width > lanes) {
            FloatVector.fromArray(Species.F, src, from + lanes).intoMemorySegment(panels, at + vectorBytes, ORDER);
        }
        if (width > 2 * lanes) {
            FloatVector.fromArray(Species.F, src, from + 2 * lanes).intoMemorySegment(panels, at + 2 * vectorBytes, ORDER);
        }
        if (width > 3 * lanes) {
            FloatVector.fromArray(Species.F, src, from + 3 * lanes).intoMemorySegment(panels, at + 3 * vectorBytes, ORDER);
        }
    }

    @Override
    void copyPart(float[] src, int from, int to, int count) {
        FloatVector.fromArray(Species.F, src, from, Species.F.indexInRange(0, count))
                .intoMemorySegment(panels, (long) to * Float.BYTES, ORDER);
    }

    @Override
    void put(int to, float value) {
        panels.setAtIndex(FLOAT, to, value);
    }

    @Override
    float get(int at) {
        return panels.getAtIndex(FLOAT, at);
    }

    @Override
    void tile(FloatTileKernel kernel, int kc, float[] a, int aIdx, int lda, int aStep, int bIdx, int ldb,
              float[] out, int outIdx, int ldo) {
        FloatSegmentTileKernels.twin(kernel).compute(kc, a, aIdx, lda, aStep, panels, bIdx, ldb, out, outIdx, ldo);
    }
}
