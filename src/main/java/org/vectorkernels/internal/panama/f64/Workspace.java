// GENERATED from src/main/java/org/vectorkernels/internal/panama/Workspace.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.Recycler;

/**
 * The packing buffers of one running part of a call, taken for the part and given back after it
 * ({@link Recycler}): concurrent parts never share one, and the memory kept is bounded by the
 * calls running, not by the threads that ever called. Buffers grow only when a larger block is
 * first needed.
 *
 * <p>What one running part needs: packed A of up to MC·KC doubles, packed B of up to
 * min(n, NC)·min(k, KC) doubles (both padded to whole micro-panels), off-heap where the plan
 * says (see {@link PanelsOfB}), arrays rounded up as {@link HeapPanels#arrayLength} says; the library keeps at most {@link Recycler#SLOTS} idle workspaces.
 */
final class Workspace {
    private static final Recycler<Workspace> POOL = new Recycler<>(Workspace::new);

    private double[] packedA = new double[0];
    private PanelsOfB packedB = HeapPanels.EMPTY;
    /** Points at arrays read as panels of B where they are. */
    private final HeapPanels view = HeapPanels.newView();
    private double[] tile = new double[0];
    private final double[] rowSums = new double[RowTimesMatrix.ROW_CHUNK + Species.LANES];

    private Workspace() {}

    /** A workspace for this part of a call; give it back with {@link #give}. */
    static Workspace take() {
        return POOL.take();
    }

    static void give(Workspace ws) {
        POOL.give(ws);
    }

    /** Scratch for one finished micro-tile of up to {@code doubles} doubles on its way to C, and one more (see TileStore.touch). */
    double[] tile(int doubles) {
        if (tile.length < doubles + 1) {
            tile = new double[doubles + 1];
        }
        return tile;
    }

    /** One chunk of a row of C being summed by {@link RowTimesMatrix}, with a vector of slack. */
    double[] rowSums() {
        return rowSums;
    }

    double[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new double[HeapPanels.arrayLength(size)];
        }
        return packedA;
    }

    /** Panels for at least {@code size} doubles of packed B from their start on, off-heap where the plan says. */
    PanelsOfB packedB(Plan plan, int size) {
        PanelsOfB kind = PanelsOfB.empty(plan.offHeapB);
        if (packedB.capacity() < size || packedB.offHeap() != kind.offHeap()) {
            packedB = kind.withCapacity(size);
        }
        return packedB;
    }

    /** {@code array} read as panels of B (B read in place, or packed before the call). */
    PanelsOfB view(double[] array) {
        return view.view(array);
    }
}
