package org.vectorkernels.internal.config;

import java.util.Locale;

/**
 * The SGEMM's per-CPU choices, as a BLIS context holds them: the micro-tile (MR rows by two
 * vectors), the cache blocks MC, KC and NC, the least m·n·k per part for which a product is
 * split over threads, whether a last panel of B no wider than a vector runs the one-vector
 * micro-kernel ({@code narrowEdge}), whether packed A is laid out as MR-row panels, each k
 * step's MR values side by side ({@code interleavedA}), rather than as rows of kc values, and
 * whether A read in place (small products) runs a 4-row × 4-vector tile on two adjacent panels
 * of B at a time ({@code wideTile}) instead of the MR-row one. {@code source} says how it was chosen.
 */
public record Profile(String name, int mr, int kc, int mc, int nc, String source, long splitMinVolume,
                      boolean narrowEdge, boolean interleavedA, boolean wideTile) {
    /** The system property that forces {@link #narrowEdge} on or off, for tests and measurements. */
    public static final String NARROW_EDGE_PROPERTY = "vectorkernels.narrowEdge";
    /** The system property that forces {@link #interleavedA} on or off, for tests and measurements. */
    public static final String INTERLEAVED_A_PROPERTY = "vectorkernels.interleavedA";
    /** The system property that forces {@link #wideTile} on or off, for tests and measurements. */
    public static final String WIDE_TILE_PROPERTY = "vectorkernels.wideTile";

    /** The split threshold of every profile not measured otherwise: 128³ per part. */
    public static final long DEFAULT_SPLIT_MIN_VOLUME = 128L * 128 * 128;

    /** A profile with the default split threshold, without the one-vector edge kernel or the wide tile, A packed in rows. */
    public Profile(String name, int mr, int kc, int mc, int nc, String source) {
        this(name, mr, kc, mc, nc, source, DEFAULT_SPLIT_MIN_VOLUME, false, false, false);
    }

    public Profile {
        if (splitMinVolume < 1) {
            throw new IllegalArgumentException("profile " + name + ": splitMinVolume must be positive");
        }
        if (mr < 1 || mr > 8) {
            throw new IllegalArgumentException("profile " + name + ": mr = " + mr + ", must be 1 to 8");
        }
        if (kc < 1 || mc < 1 || nc < 1) {
            throw new IllegalArgumentException("profile " + name + ": kc, mc and nc must be positive");
        }
    }

    /**
     * The same profile with the sizes given as {@code -Dvectorkernels.mr/kc/mc/nc}, and
     * {@link #narrowEdge}, {@link #interleavedA} and {@link #wideTile} as
     * {@code -Dvectorkernels.narrowEdge|interleavedA|wideTile=true|false}, in place of its own.
     */
    public Profile withOverrides() {
        int mr2 = Integer.getInteger("vectorkernels.mr", mr), kc2 = Integer.getInteger("vectorkernels.kc", kc);
        int mc2 = Integer.getInteger("vectorkernels.mc", mc), nc2 = Integer.getInteger("vectorkernels.nc", nc);
        boolean narrow2 = flag(NARROW_EDGE_PROPERTY, System.getProperty(NARROW_EDGE_PROPERTY), narrowEdge);
        boolean interleaved2 = flag(INTERLEAVED_A_PROPERTY, System.getProperty(INTERLEAVED_A_PROPERTY), interleavedA);
        boolean wide2 = flag(WIDE_TILE_PROPERTY, System.getProperty(WIDE_TILE_PROPERTY), wideTile);
        if (mr2 == mr && kc2 == kc && mc2 == mc && nc2 == nc && narrow2 == narrowEdge && interleaved2 == interleavedA
                && wide2 == wideTile) {
            return this;
        }
        return new Profile(name + "+overrides", mr2, kc2, mc2, nc2, source + ", overridden by -Dvectorkernels.*",
                splitMinVolume, narrow2, interleaved2, wide2);
    }

    /** The same profile, said to come from {@code newSource}. */
    public Profile withSource(String newSource) {
        return new Profile(name, mr, kc, mc, nc, newSource, splitMinVolume, narrowEdge, interleavedA, wideTile);
    }

    static boolean flag(String name, String value, boolean dflt) {
        if (value == null) {
            return dflt;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + name + "=" + value + " must be true or false");
        };
    }

    /** For example "zen5-512 (shipped, measured on ...): 8x32 micro-tile, ..., blocks MC=128 KC=384 NC=4096, ...". */
    public String describe(int nr) {
        return String.format(Locale.ROOT, "profile %s (%s): %dx%d micro-tile%s%s, A packed %s, blocks MC=%d KC=%d NC=%d, split from %d per part",
                name, source, mr, nr, narrowEdge ? " (1-vector on a narrow last panel)" : "",
                wideTile ? String.format(Locale.ROOT, ", 4x%d where A is read in place", 2 * nr) : "",
                interleavedA ? "interleaved" : "in rows", mc, kc, nc, splitMinVolume);
    }
}
