package org.vectorkernels.internal.config;

import java.util.Locale;

/**
 * The SGEMM's per-CPU choices, as a BLIS context holds them: the micro-tile (MR rows by two
 * vectors) and the cache blocks MC, KC and NC. {@code source} says how it was chosen.
 */
public record Profile(String name, int mr, int kc, int mc, int nc, String source) {
    public Profile {
        if (mr < 1 || mr > 8) {
            throw new IllegalArgumentException("profile " + name + ": mr = " + mr + ", must be 1 to 8");
        }
        if (kc < 1 || mc < 1 || nc < 1) {
            throw new IllegalArgumentException("profile " + name + ": kc, mc and nc must be positive");
        }
    }

    /** The same profile with the sizes given as {@code -Dvectorkernels.mr/kc/mc/nc} in place of its own. */
    public Profile withOverrides() {
        int mr2 = Integer.getInteger("vectorkernels.mr", mr), kc2 = Integer.getInteger("vectorkernels.kc", kc);
        int mc2 = Integer.getInteger("vectorkernels.mc", mc), nc2 = Integer.getInteger("vectorkernels.nc", nc);
        if (mr2 == mr && kc2 == kc && mc2 == mc && nc2 == nc) {
            return this;
        }
        return new Profile(name + "+overrides", mr2, kc2, mc2, nc2, source + ", sizes overridden by -Dvectorkernels.*");
    }

    /** For example "zen5-512 (shipped, measured on ...): 8-row tile, MC=128 KC=384 NC=4096". */
    public String describe(int nr) {
        return String.format(Locale.ROOT, "profile %s (%s): %dx%d micro-tile, blocks MC=%d KC=%d NC=%d",
                name, source, mr, nr, mc, kc, nc);
    }
}
