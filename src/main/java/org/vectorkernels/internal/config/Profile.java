package org.vectorkernels.internal.config;

import java.util.Locale;

import org.vectorkernels.internal.WholeNumberProperty;

/**
 * The SGEMM's per-CPU choices, as a BLIS context holds them: the micro-tile (MR rows by NV
 * vectors), the cache blocks MC, KC and NC, the least m·n·k per part for which a product is
 * split over threads, whether a last panel of B no wider than a vector runs a one-vector
 * kernel ({@code narrowEdge}), whether packed A is laid out as MR-row panels, each k step's MR
 * values side by side ({@code interleavedA}), rather than as rows of kc values, and whether A
 * read in place (small products) runs a 4-row × 2·NV-vector tile on two adjacent panels of B at
 * a time ({@code wideTile}) instead of the MR-row one. {@code source} says how it was chosen.
 * Only sizes are checked here; whether a kernel of that shape exists is the plan's to check.
 */
public record Profile(String name, int mr, int nv, int kc, int mc, int nc, String source, long splitMinVolume,
                      boolean narrowEdge, boolean interleavedA, boolean wideTile) {
    /** The system property that forces {@link #narrowEdge} on or off, for tests and measurements. */
    public static final String NARROW_EDGE_PROPERTY = "vectorkernels.narrowEdge";
    /** The system property that forces {@link #interleavedA} on or off, for tests and measurements. */
    public static final String INTERLEAVED_A_PROPERTY = "vectorkernels.interleavedA";
    /** The system property that forces {@link #wideTile} on or off, for tests and measurements. */
    public static final String WIDE_TILE_PROPERTY = "vectorkernels.wideTile";

    /** The split threshold of every profile not measured otherwise: 128³ per part. */
    public static final long DEFAULT_SPLIT_MIN_VOLUME = 128L * 128 * 128;

    /** The largest tile rows, vectors and blocks a profile may name: beyond them a file or property is wrong, not a choice. */
    public static final int MAX_MR = 16, MAX_NV = 4, MAX_KC = 8192, MAX_MC = 8192, MAX_NC = 1 << 16;

    /** A profile with the default split threshold, without the one-vector edge kernel or the wide tile, A packed in rows. */
    public Profile(String name, int mr, int nv, int kc, int mc, int nc, String source) {
        this(name, mr, nv, kc, mc, nc, source, DEFAULT_SPLIT_MIN_VOLUME, false, false, false);
    }

    public Profile {
        if (splitMinVolume < 1) {
            throw new IllegalArgumentException("profile " + name + ": splitMinVolume must be positive");
        }
        check(name, "mr", mr, MAX_MR);
        check(name, "nv", nv, MAX_NV);
        check(name, "kc", kc, MAX_KC);
        check(name, "mc", mc, MAX_MC);
        check(name, "nc", nc, MAX_NC);
    }

    private static void check(String profile, String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("profile " + profile + ": " + what + " = " + value + ", must be 1 to " + max);
        }
    }

    /**
     * The same profile with the sizes given as {@code -Dvectorkernels.mr/nv/kc/mc/nc}, and
     * {@link #narrowEdge}, {@link #interleavedA} and {@link #wideTile} as
     * {@code -Dvectorkernels.narrowEdge|interleavedA|wideTile=true|false}, in place of its own.
     *
     * @throws IllegalArgumentException naming the property when one is not a valid value
     */
    public Profile withOverrides() {
        int mr2 = size("mr", mr, MAX_MR, "rows"), nv2 = size("nv", nv, MAX_NV, "vectors"), kc2 = size("kc", kc, MAX_KC, "steps");
        int mc2 = size("mc", mc, MAX_MC, "rows"), nc2 = size("nc", nc, MAX_NC, "columns");
        boolean narrow2 = flag(NARROW_EDGE_PROPERTY, System.getProperty(NARROW_EDGE_PROPERTY), narrowEdge);
        boolean interleaved2 = flag(INTERLEAVED_A_PROPERTY, System.getProperty(INTERLEAVED_A_PROPERTY), interleavedA);
        boolean wide2 = flag(WIDE_TILE_PROPERTY, System.getProperty(WIDE_TILE_PROPERTY), wideTile);
        Profile p = new Profile(name + "+overrides", mr2, nv2, kc2, mc2, nc2, source + ", overridden by -Dvectorkernels.*",
                splitMinVolume, narrow2, interleaved2, wide2);
        return p.sameChoicesAs(this) ? this : p;
    }

    /** Whether every choice (not the name or source) is the same as {@code o}'s. */
    public boolean sameChoicesAs(Profile o) {
        return mr == o.mr && nv == o.nv && kc == o.kc && mc == o.mc && nc == o.nc && splitMinVolume == o.splitMinVolume
                && narrowEdge == o.narrowEdge && interleavedA == o.interleavedA && wideTile == o.wideTile;
    }

    /** The same profile, said to come from {@code newSource}. */
    public Profile withSource(String newSource) {
        return new Profile(name, mr, nv, kc, mc, nc, newSource, splitMinVolume, narrowEdge, interleavedA, wideTile);
    }

    /** The same profile under another name and source. */
    public Profile named(String newName, String newSource) {
        return new Profile(newName, mr, nv, kc, mc, nc, newSource, splitMinVolume, narrowEdge, interleavedA, wideTile);
    }

    private static int size(String key, int dflt, int max, String unit) {
        return (int) WholeNumberProperty.read("vectorkernels." + key, Integer.toString(dflt), 1, max, unit);
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

    /** For example "profile zen5-512 (shipped, ...): 8x32 micro-tile, ..., blocks MC=128 KC=1024 NC=2048, ...". */
    public String describe(int lanes) {
        int nr = nv * lanes;
        return String.format(Locale.ROOT, "profile %s (%s): %dx%d micro-tile%s%s, A packed %s, blocks MC=%d KC=%d NC=%d, split from %d per part",
                name, source, mr, nr, narrowEdge ? " (1-vector on a narrow last panel)" : "",
                wideTile ? String.format(Locale.ROOT, ", 4x%d where A is read in place", 2 * nr) : "",
                interleavedA ? "interleaved" : "in rows", mc, kc, nc, splitMinVolume);
    }
}
