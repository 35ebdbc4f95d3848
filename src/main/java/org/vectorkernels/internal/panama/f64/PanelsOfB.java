// GENERATED from src/main/java/org/vectorkernels/internal/panama/PanelsOfB.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.panama.kernels.DoubleTileKernel;

/**
 * Where the packed panels of B lie: {@link Packing} writes them through this, and the
 * macro-kernel hands them with a micro-kernel to {@link #tile}, which runs the kernel that reads
 * this kind. On the heap ({@link HeapPanels}), or, from JDK 22 on, off-heap from a cache line
 * on ({@code SegmentPanels}, among the jar's classes for 22): a Java array gives no say over
 * where its data starts, and a vector load that straddles two cache lines costs (8 × 2 tile in
 * isolation: 9% on an Intel Xeon, 2–2.5% on Zen 5).
 */
abstract class PanelsOfB {
    /** The off-heap kind where this JDK runs it (22 and later, from a multi-release jar), or null; null too once it ran out. */
    private static volatile PanelsOfB offHeap = loadOffHeap();

    /** Doubles it holds from {@link #start} on. */
    abstract int capacity();

    /** Where its first panel starts: the first double on a cache line, where that is known. */
    abstract int start();

    /** A new, zeroed one of this kind with room for {@code doubles} from its start on. */
    abstract PanelsOfB withCapacity(int doubles);

    /** Whether it lies off-heap. */
    abstract boolean offHeap();

    /** Copies {@code width} doubles (one to four whole vectors) from {@code src[from]} to {@code to}. */
    abstract void copy(int width, double[] src, int from, int to);

    /** Copies the first {@code count} doubles (at most a vector) from {@code src[from]} to {@code to}, zeros after them up to a vector. */
    abstract void copyPart(double[] src, int from, int to, int count);

    abstract void put(int to, double value);

    abstract double get(int at);

    /**
     * {@code kernel.compute(kc, a, aIdx, lda, aStep, B, bIdx, ldb, out, outIdx, ldo)} with B these
     * panels, by the kernel's twin that reads this kind.
     */
    abstract void tile(DoubleTileKernel kernel, int kc, double[] a, int aIdx, int lda, int aStep, int bIdx, int ldb,
                       double[] out, int outIdx, int ldo);

    /** Empty panels of the kind asked for: off-heap where available, else on the heap. */
    static PanelsOfB empty(boolean offHeap) {
        PanelsOfB kind = PanelsOfB.offHeap;
        return offHeap && kind != null ? kind : HeapPanels.EMPTY;
    }

    /** Whether this JVM runs panels off-heap: JDK 22 or later, the jar's classes for it found, direct memory not run out. */
    static boolean offHeapAvailable() {
        return offHeap != null;
    }

    /**
     * Off-heap memory counts against {@code -XX:MaxDirectMemorySize}: when it runs out, panels stay
     * on the heap from then on, said once in the log, instead of failing the call.
     */
    static PanelsOfB offHeapRanOut(int doubles, OutOfMemoryError e) {
        if (offHeap != null) {
            offHeap = null;
            System.getLogger("org.vectorkernels").log(System.Logger.Level.WARNING,
                    "vector-kernels: packed panels stay on the heap from now on: " + e.getMessage());
        }
        return HeapPanels.EMPTY.withCapacity(doubles);
    }

    /**
     * Loads the off-heap kind by name, after the version check, so that JDK 21 (which has no such
     * class in the jar: a multi-release jar shows it only to 22 and later) never links it.
     */
    private static PanelsOfB loadOffHeap() {
        if (Runtime.version().feature() < 22) {
            return null;
        }
        try {
            return (PanelsOfB) Class.forName(PanelsOfB.class.getPackageName() + ".SegmentPanels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            // A jar repackaged without its META-INF/versions, or without "Multi-Release: true": panels stay on the heap.
            System.getLogger("org.vectorkernels").log(System.Logger.Level.INFO,
                    "vector-kernels: packed panels stay on the heap (the jar's classes for JDK 22 were not found: " + e + ")");
            return null;
        }
    }
}
