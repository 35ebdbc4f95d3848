package org.vectorkernels.internal.panama;

/**
 * The packing buffers of one thread. Thread-confined, so concurrent callers never share one,
 * and kept between calls, so steady-state calls allocate nothing; they grow only when a larger
 * block is first needed.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private final float[] tile = new float[Blocking.MR * Blocking.NR];
    private final float[] rowSums = new float[Blocking.ROW_CHUNK + Blocking.LANES];

    static Workspace current() {
        return LOCAL.get();
    }

    /** Scratch for one finished micro-tile on its way to C. */
    float[] tile() {
        return tile;
    }

    /** One chunk of a row of C being summed by {@link RowTimesMatrix}, with a vector of slack. */
    float[] rowSums() {
        return rowSums;
    }

    float[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new float[size];
        }
        return packedA;
    }

    float[] packedB(int size) {
        if (packedB.length < size) {
            packedB = new float[size];
        }
        return packedB;
    }
}
