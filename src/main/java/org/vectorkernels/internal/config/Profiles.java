package org.vectorkernels.internal.config;

import java.util.List;
import java.util.Optional;

/**
 * The profiles that ship, each measured on its CPU (see docs/performance.md), and the choice of
 * one for the CPU at hand: {@code -Dvectorkernels.profile=NAME} when given, else the shipped
 * profile for this CPU and vector width, else one derived from the vector width and, where
 * sysfs tells them, the cache sizes ({@link #analytical}).
 */
public final class Profiles {
    public static final String PROPERTY = "vectorkernels.profile";
    /** The name that asks for the derived profile whatever the CPU. */
    public static final String GENERIC = "generic";

    /**
     * Zen 5 splits from 4 Mi per part, so a dense layer's 100×784×100 stays whole: on 2 threads the
     * example trained at 221,000–236,000 images/s (medians of epochs 2–4, three runs) against
     * 181,000–225,000 with 128³, and 218,000–229,000 on one thread, interleaved (docs/training.md).
     */
    static final long ZEN5_SPLIT_MIN_VOLUME = 4L << 20;

    /** Shipped: only values measured on that CPU. A change for one CPU leaves the others' rows alone. */
    static final List<Profile> SHIPPED = List.of(
            // Zen 5: full-rate 512-bit FMA, 48 KiB L1d.
            // The one-vector edge kernel: 100×784×100 in 111-113 against 120-127 µs, three interleaved forks.
            // Interleaved A: 512³-2048³ 2-6% faster, 8 of 8 interleaved pairs (docs/performance.md).
            // KC 1024: half the passes over C, whose tile stores cost 10% of 2048³ at KC 512; NC 2048
            // keeps a packed block of B at 8 MiB (64×4096² was 2-4% slower with NC 4096).
            // The wide tile where A is read in place: fewer rows of A to address, so no register spills;
            // 64³ 11-12% faster, other small products 4-8% (docs/performance.md).
            new Profile("zen5-512", 8, 1024, 128, 2048, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME,
                    true, true, true),
            // Zen 5 with AVX2: 6x2 spills there (56 of 122 GFLOP/s in isolation), 4x2 does not (110);
            // 4 rows × 1 vector is bound by FMA latency, and the edge kernel was no faster there.
            new Profile("zen5-256", 4, 512, 128, 4096, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME, false,
                    false, false),
            // Zen 4: 512-bit FMAs in two halves, 32 KiB L1d; KC 512 measured faster than 256 at 1024³.
            new Profile("zen4-512", 8, 512, 128, 4096, "shipped, measured on AMD family 25 model 17"),
            new Profile("zen4-256", 6, 512, 128, 4096, "shipped, measured on AMD family 25 model 17"),
            // Zen 2: AVX2 only; KC 256 to 128 measured 1.4-4.9% slower at 1024³.
            new Profile("zen2-256", 6, 512, 128, 4096, "shipped, measured on AMD family 23 model 49"));

    private Profiles() {}

    /** The profile for this JVM: the property's, or this CPU's, or the derived one. */
    public static Profile select(int vectorBits, Cpu cpu) {
        String wanted = System.getProperty(PROPERTY, "").trim();
        Profile p;
        if (wanted.isEmpty()) {
            p = forCpu(vectorBits, cpu).orElseGet(() -> analytical(vectorBits, cpu));
        } else if (wanted.equals(GENERIC)) {
            p = analytical(vectorBits, cpu);
        } else {
            p = named(wanted).orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + "=" + wanted
                    + " names no profile; known: " + names()));
            p = p.withSource("chosen by -D" + PROPERTY);
        }
        return p.withOverrides();
    }

    static Optional<Profile> named(String name) {
        return SHIPPED.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", SHIPPED.stream().map(Profile::name).toList()) + ", " + GENERIC;
    }

    /** The shipped profile for this CPU and vector width, if one was measured. */
    static Optional<Profile> forCpu(int vectorBits, Cpu cpu) {
        String arch = microarchitecture(cpu);
        return arch == null ? Optional.empty() : named(arch + "-" + vectorBits);
    }

    /** AMD's Zen generations by family and model, as the kernel's and compilers' tables give them; else null. */
    public static String microarchitecture(Cpu cpu) {
        if (!cpu.vendor().equals("AuthenticAMD")) {
            return null;
        }
        int m = cpu.model();
        return switch (cpu.family()) {
            case 0x17 -> m >= 0x30 ? "zen2" : null;
            case 0x19 -> (m >= 0x10 && m <= 0x1f) || (m >= 0x60 && m <= 0x7f) || (m >= 0xa0 && m <= 0xaf) ? "zen4" : null;
            case 0x1a -> "zen5";
            default -> null;
        };
    }

    /**
     * A profile from the vector width and the caches, after BLIS's analytical model (Low et al.,
     * "Analytical Modeling Is Enough for High-Performance BLIS", TOMS 2016): the tile that fits the
     * register file; KC such that a kc×nr micro-panel of B, reused from L1 by every micro-panel of
     * A, fills the ways of L1 that streaming A leaves it; MC such that the mc×kc block of A fills
     * half of L2; NC such that the kc×nc block of B fills half of L3. Unknown caches give the
     * sizes that served every CPU measured here.
     */
    public static Profile analytical(int vectorBits, Cpu cpu) {
        // 32 vector registers (AVX-512, NEON/SVE) hold 16 accumulators and the operands; 16 (AVX2) hold 12.
        int mr = vectorBits >= 512 ? 8 : 6;
        int nr = 2 * Math.max(1, vectorBits / 32);
        int kc = 256, mc = 128, nc = 4096;
        Cpu.CacheLevel l1 = cpu.l1d(), l2 = cpu.l2(), l3 = cpu.l3();
        if (l1.known()) {
            int sets = (int) (l1.bytes() / l1.ways() / l1.lineBytes());
            int waysForB = (int) Math.floor((l1.ways() - 1) / (1.0 + (double) mr / nr));
            kc = clamp(roundDown(waysForB * sets * l1.lineBytes() / (nr * Float.BYTES), 16), 64, 1024);
        }
        if (l2.known()) {
            mc = clamp(roundDown((int) Math.min(Integer.MAX_VALUE, l2.bytes() / 2 / ((long) kc * Float.BYTES)), mr), mr, 512);
        }
        if (l3.known()) {
            nc = clamp(roundDown((int) Math.min(Integer.MAX_VALUE, l3.bytes() / 2 / ((long) kc * Float.BYTES)), nr), nr, 8192);
        }
        return new Profile(GENERIC + "-" + vectorBits, mr, kc, mc, nc, "derived from the vector width and "
                + (l1.known() ? "the cache sizes" : "no cache sizes (unknown here)"));
    }

    private static int roundDown(int x, int multiple) {
        return x / multiple * multiple;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
