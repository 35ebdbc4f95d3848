package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.config.Cpu;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.config.Profiles;

/**
 * Every block size of the SGEMM in one place, as BLIS keeps them in its context: the
 * micro-tile and cache blocks come from the CPU's {@link Profile}, chosen once per JVM (see
 * {@link Profiles}), so C2 treats them all as constants. The micro-tile is MR rows × NV vectors;
 * an MC×KC block of A stays in L2, a KC×NC block of B in L3, and a KC×NR micro-panel of B in L1.
 */
final class Blocking {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();

    static final Cpu CPU = Cpu.detect();
    static final Profile PROFILE = Profiles.select(F.vectorBitSize(), CPU);

    /** Rows of the micro-tile. */
    static final int MR = PROFILE.mr();
    /** Vectors per row of the micro-tile: the micro-kernel is written for two. */
    static final int NV = 2;
    /** Columns of the micro-tile. */
    static final int NR = NV * LANES;

    /** Whether a last panel of B no wider than a vector runs {@link NarrowMicroKernel}. */
    static final boolean NARROW_EDGE = PROFILE.narrowEdge();

    /**
     * Whether A read in place (not transposed, see {@link #A_IN_PLACE_MAX_VOLUME}) runs
     * {@link WideMicroKernel}'s WIDE_MR × WIDE_NR tile, on two adjacent panels of B at a time.
     */
    static final boolean WIDE_TILE = PROFILE.wideTile();
    static final int WIDE_MR = 4;
    static final int WIDE_NR = 2 * NR;

    /** Floats of the buffer that holds one tile of either shape. */
    static final int TILE_FLOATS = Math.max(MR * NR, WIDE_MR * WIDE_NR);

    /** Whether packed A is interleaved (see {@link Packing#packA}) and read by {@link InterleavedMicroKernel}. */
    static final boolean INTERLEAVED_A = PROFILE.interleavedA();

    static final int KC = PROFILE.kc();
    static final int MC = roundUp(PROFILE.mc(), MR);
    static final int NC = roundUp(PROFILE.nc(), NR);

    /** The least m·n·k per part of a split over threads: the profile's, or {@code -Dvectorkernels.parallelMinVolume}. */
    static final long SPLIT_MIN_VOLUME = Long.getLong(SgemmContract.PARALLEL_MIN_VOLUME_PROPERTY, PROFILE.splitMinVolume());

    /** Columns of C summed at once when m = 1: 8 KiB of sums, which stay in L1 while B streams past. */
    static final int ROW_CHUNK = size("rowChunk", 2048, LANES);

    /**
     * Whether row parts pack B once, together, instead of each for itself. Off: on 2 threads here it
     * measured the same within noise (median ratios 0.98–1.04× at 512³–2048³), and a member
     * slowed by a neighbour holds up the others at every block; it may pay on many cores.
     */
    static final boolean SHARE_PACKED_B = Boolean.getBoolean("vectorkernels.sharePackedB");

    /**
     * Whether column parts pack all of op(A) once, together, before they start, instead of each
     * for itself: measured at 256×784×512 on 2 threads, see the README. Only up to
     * {@link #SHARED_A_MAX} floats of packed A, which every member then reads from L3.
     */
    static final boolean SHARE_PACKED_A = Boolean.getBoolean("vectorkernels.sharePackedA");

    /** The most floats of packed A that column parts share: 4 MiB, an eighth of this L3. */
    static final long SHARED_A_MAX = Long.getLong("vectorkernels.sharedAMax", 1L << 20);

    /**
     * Problems with m·n·k up to this read op(A), when not transposed, where it is instead of packing
     * it: packing is a copy that small problems do not repay. Larger ones pack, so that rows far
     * apart in memory (4 KiB apart alias in L1) are not read side by side for long.
     */
    static final long A_IN_PLACE_MAX_VOLUME = Long.getLong("vectorkernels.aInPlaceMaxVolume", 256L * 256 * 256);

    /**
     * Problems with m·n·k up to this run without packing (B not transposed, n a multiple of LANES):
     * on Zen 5 the packed path was the faster from 64³ on (3.9 against 4.3 µs), the direct one at 16³ (0.20 against 0.35).
     */
    static final long DIRECT_MAX_VOLUME = Long.getLong("vectorkernels.directMaxVolume", 48L * 48 * 48);

    private Blocking() {}

    private static int size(String name, int dflt, int multiple) {
        int v = Integer.getInteger("vectorkernels." + name, dflt);
        if (v < 1) {
            throw new IllegalArgumentException("vectorkernels." + name + " = " + v + " must be positive");
        }
        return roundUp(v, multiple);
    }

    /** x rounded up to a multiple of {@code multiple}. */
    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** The k block for depth k: the fewest blocks of at most KC, made even (600 runs as 300 + 300, not 512 + 88). */
    static int kBlock(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }
}
