package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.Recycler;

/**
 * The packing buffers of one running part of a call, taken for the part and given back after it
 * ({@link Recycler}): concurrent parts never share one, and the memory kept is bounded by the
 * calls running, not by the threads that ever called. Buffers grow only when a larger block is
 * first needed.
 *
 * <p>What one running part needs: packed A of up to MC·KC floats, packed B of up to
 * min(n, NC)·min(k, KC) floats (both padded to whole micro-panels), each rounded up as
 * {@link #capacity} says; the library keeps at most {@link Recycler#SLOTS} idle workspaces.
 */
final class Workspace {
    private static final Recycler<Workspace> POOL = new Recycler<>(Workspace::new);

    /** An array header, as HotSpot lays one out with or without compressed class pointers. */
    private static final int HEADER_BYTES = 16;
    private static final int MIB = 1 << 20;
    private static final int CACHE_LINE_BYTES = 64;

    /**
     * Where packed B starts in its array: on a cache line, header included, where G1 puts the array
     * at a region's start (from half a region on), so that no 64-byte panel load straddles two
     * lines: a few percent from 1024³ on, on Zen 5 (docs/performance.md).
     */
    static final int B_START = (CACHE_LINE_BYTES - HEADER_BYTES) / Float.BYTES;

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private float[] tile = new float[0];
    private final float[] rowSums = new float[RowTimesMatrix.ROW_CHUNK + Species.LANES];

    private Workspace() {}

    /** A workspace for this part of a call; give it back with {@link #give}. */
    static Workspace take() {
        return POOL.take();
    }

    static void give(Workspace ws) {
        POOL.give(ws);
    }

    /** Scratch for one finished micro-tile of up to {@code floats} floats on its way to C, and one more (see TileStore.touch). */
    float[] tile(int floats) {
        if (tile.length < floats + 1) {
            tile = new float[floats + 1];
        }
        return tile;
    }

    /** One chunk of a row of C being summed by {@link RowTimesMatrix}, with a vector of slack. */
    float[] rowSums() {
        return rowSums;
    }

    float[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new float[capacity(size)];
        }
        return packedA;
    }

    /** An array with at least {@code size} floats from {@link #B_START} on. */
    float[] packedB(int size) {
        if (packedB.length < B_START + size) {
            packedB = new float[capacity(B_START + size)];
        }
        return packedB;
    }

    /**
     * The floats to allocate for {@code size}: from half a MiB on (where G1 makes an array humongous,
     * in regions of its own) whole MiB less the header, so that no array spills a few bytes into one
     * more region (1 MiB of floats plus its header took two regions of 1 MiB, for 16 bytes).
     */
    static int capacity(int size) {
        long bytes = 4L * size + HEADER_BYTES;
        if (bytes < MIB / 2) {
            return size;
        }
        long whole = (bytes + MIB - 1) / MIB * MIB;
        return (int) Math.min(Integer.MAX_VALUE - 8, (whole - HEADER_BYTES) / 4);
    }
}
