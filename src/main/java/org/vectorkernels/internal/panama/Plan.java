package org.vectorkernels.internal.panama;

import java.util.Optional;

import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.panama.kernels.FloatTileKernel;
import org.vectorkernels.internal.panama.kernels.FloatTileKernels;
import org.vectorkernels.internal.threads.Splits;

/**
 * Every choice of the SGEMM in one object, as BLIS passes its context to each loop: the
 * micro-tile and the generated kernel for each layout of A, the cache blocks, and the size
 * thresholds. Built once from a {@link Profile}; the loops take it as an argument, so plans of
 * other tiles and blocks run side by side in one JVM (the tuner, the tests). The kernels keep
 * their tile, species and steps as constants of their own; the plan only picks which one runs.
 */
public final class Plan {
    final Profile profile;
    /** Rows, vectors and columns of the micro-tile; B is packed in panels of NR columns. */
    final int mr, nv, nr;
    final int kc, mc, nc;
    /** Whether packed A is interleaved (see {@link Packing#packA}). */
    final boolean interleavedA;
    /** The micro-kernel on packed A (rows or interleaved). */
    final FloatTileKernel onPackedA;
    /** The micro-kernel on A read in place, not transposed (rows lda apart). */
    final FloatTileKernel onRowsOfA;
    /** The micro-kernel on A read in place transposed (steps lda apart). */
    final FloatTileKernel stepped;
    /** The one-vector kernel for a last panel no wider than a vector, or null. */
    final FloatTileKernel narrow;
    /** The 4-row × 2·NV-vector kernel for A read in place, on two adjacent panels of B, or null. */
    final FloatTileKernel wide;
    /** The same tile on B read in place too, for products too small to repay packing B; null without the wide tile. */
    final FloatTileKernel wideOnRowsOfB;
    /** Columns of the wide tile, or 0 without one. */
    final int wideNr;
    /** Floats of the buffer that holds one tile of any of this plan's shapes. */
    final int tileFloats;
    /** The least m·n·k per part of a split over threads: the profile's, or {@code -Dvectorkernels.parallelMinVolume}. */
    final long splitMinVolume;
    /** Whether B is packed off-heap, from cache lines on ({@link PanelsOfB}); only where this JVM can. */
    final boolean offHeapB;

    /** Whether to pack B off-heap where the JVM can (JDK 22 and later): {@code -Dvectorkernels.offHeapPanels}, on by default. */
    static final boolean OFF_HEAP_PANELS = !"false".equals(System.getProperty("vectorkernels.offHeapPanels"));

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

    /**
     * Problems with m·n·k up to this read B where it is (not transposed, rows not 4 KiB apart, a
     * strip of the wide tile's width no larger than {@link #B_IN_PLACE_STRIP_BYTES}) under the wide
     * tile, instead of packing it: 64³ 2.7–3.0 against 3.0–3.3 µs, 96³ 9.0–9.8 against 9.4–10.6 µs;
     * 128³ was slower in place (34–38 against 22–25 µs), its strip of B past L1 (JMH, Zen 5).
     */
    static final long B_IN_PLACE_MAX_VOLUME = Long.getLong("vectorkernels.bInPlaceMaxVolume", 96L * 96 * 96);

    /** The most bytes of a strip of B, k rows of the wide tile's width, that B read in place may span: L1 holds it. */
    static final int B_IN_PLACE_STRIP_BYTES = 32 << 10;

    /**
     * Whether row parts pack B once, together, instead of each for itself. Off: on 2 threads here it
     * measured the same within noise (median ratios 0.98–1.04× at 512³–2048³), and a member
     * slowed by a neighbour holds up the others at every block; it may pay on many cores.
     */
    static final boolean SHARE_PACKED_B = Boolean.getBoolean("vectorkernels.sharePackedB");

    /**
     * Whether column parts pack all of op(A) once, together, before they start, instead of each
     * for itself. Only up to {@link #SHARED_A_MAX} floats of packed A, which every member then reads from L3.
     */
    static final boolean SHARE_PACKED_A = Boolean.getBoolean("vectorkernels.sharePackedA");

    /** The most floats of packed A that column parts share: 4 MiB. */
    static final long SHARED_A_MAX = Long.getLong("vectorkernels.sharedAMax", 1L << 20);

    private Plan(Profile p, boolean offHeapB, FloatTileKernel onPackedA, FloatTileKernel onRowsOfA, FloatTileKernel stepped,
                 FloatTileKernel narrow, FloatTileKernel wide, FloatTileKernel wideOnRowsOfB) {
        this.profile = p;
        this.mr = p.mr();
        this.nv = p.nv();
        this.nr = nv * Species.LANES;
        this.kc = p.kc();
        this.mc = roundUp(p.mc(), mr);
        this.nc = roundUp(p.nc(), wide == null ? nr : 2 * nr);
        this.interleavedA = p.interleavedA();
        this.onPackedA = onPackedA;
        this.onRowsOfA = onRowsOfA;
        this.stepped = stepped;
        this.narrow = narrow;
        this.wide = wide;
        this.wideOnRowsOfB = wideOnRowsOfB;
        this.wideNr = wide == null ? 0 : wide.vectors() * Species.LANES;
        this.tileFloats = Math.max(mr * nr, wide == null ? 0 : wide.rows() * wideNr);
        this.splitMinVolume = Long.getLong(Splits.PARALLEL_MIN_VOLUME_PROPERTY, p.splitMinVolume());
        this.offHeapB = offHeapB && PanelsOfB.offHeapAvailable();
    }

    /** The plan for {@code p}, B packed off-heap as {@link #OFF_HEAP_PANELS} says, or empty when no generated kernel has its tile. */
    public static Optional<Plan> of(Profile p) {
        return of(p, OFF_HEAP_PANELS);
    }

    /** The plan for {@code p}, B packed off-heap if {@code offHeapB} and the JVM can, or empty when no generated kernel has its tile (or its wide tile). */
    public static Optional<Plan> of(Profile p, boolean offHeapB) {
        String packedLayout = p.interleavedA() ? "interleaved" : "rows";
        Optional<FloatTileKernel> onPacked = FloatTileKernels.find(p.mr(), p.nv(), p.nv(), packedLayout);
        Optional<FloatTileKernel> rows = FloatTileKernels.find(p.mr(), p.nv(), p.nv(), "rows");
        Optional<FloatTileKernel> stepped = FloatTileKernels.find(p.mr(), p.nv(), p.nv(), "stepped");
        Optional<FloatTileKernel> narrow = p.narrowEdge() ? FloatTileKernels.find(p.mr(), 1, p.nv(), "stepped") : Optional.empty();
        Optional<FloatTileKernel> wide = p.wideTile() ? FloatTileKernels.find(4, 2 * p.nv(), p.nv(), "rows") : Optional.empty();
        Optional<FloatTileKernel> unpacked = p.wideTile() ? FloatTileKernels.find(4, 2 * p.nv(), 0, "rows") : Optional.empty();
        if (onPacked.isEmpty() || rows.isEmpty() || stepped.isEmpty() || narrow.isEmpty() == p.narrowEdge()
                || wide.isEmpty() == p.wideTile() || unpacked.isEmpty() == p.wideTile()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(p, offHeapB, onPacked.get(), rows.get(), stepped.get(), narrow.orElse(null), wide.orElse(null),
                unpacked.orElse(null)));
    }

    /** Whether a plan can be made of {@code p}. */
    public static boolean runs(Profile p) {
        return of(p).isPresent();
    }

    /** The k block for depth k: the fewest blocks of at most KC, made even (600 runs as 300 + 300, not 512 + 88). */
    int kBlock(int k) {
        int blocks = (k + kc - 1) / kc;
        return (k + blocks - 1) / blocks;
    }

    /** x rounded up to a multiple of {@code multiple}. */
    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    String describe() {
        return profile.describe(Species.LANES) + (offHeapB && PanelsOfB.offHeapAvailable() ? ", B packed off-heap on cache lines" : ", B packed on the heap");
    }
}
