package org.vectorkernels.internal.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The profiles that ship, each measured on its CPU (see docs/performance.md), and the choice of
 * one for the CPU at hand: {@code -Dvectorkernels.profile=NAME} when given, else a profile tuned
 * on this machine ({@link TunedProfiles}), else the shipped profile for this CPU and vector width,
 * else one derived from the vector width and the caches ({@link #derived}). The choice never
 * fails: a name, file or override that does not serve is reported through {@code warn} and the
 * next in that order is taken.
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
            new Profile("zen5-512", 8, 2, 1024, 128, 2048, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME,
                    true, true, true),
            // Zen 5 with AVX2: 6 rows × 2 vectors on A packed in rows, KC 1024. The hand-written 6-row tile of
            // 0.2.0 spilled there (56 of 122 GFLOP/s in isolation); the generated one does not (112), and
            // `tune` chose it, 1.09x the 4-row tile of 0.2.0; JMH against OpenBLAS-Haswell 0.99-1.19x
            // where the 4-row tile ran 0.84-1.23x (docs/performance.md). Interleaved A spills with 16 registers.
            new Profile("zen5-256", 6, 2, 1024, 128, 1024, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME, false,
                    false, false),
            // Zen 4: 512-bit FMAs in two halves, 32 KiB L1d; KC 512 measured faster than 256 at 1024³.
            new Profile("zen4-512", 8, 2, 512, 128, 4096, "shipped, measured on AMD family 25 model 17"),
            new Profile("zen4-256", 6, 2, 512, 128, 4096, "shipped, measured on AMD family 25 model 17"),
            // Zen 2: AVX2 only; KC 256 to 128 measured 1.4-4.9% slower at 1024³.
            new Profile("zen2-256", 6, 2, 512, 128, 4096, "shipped, measured on AMD family 23 model 49"));

    private Profiles() {}

    /**
     * The profile for this JVM: the property's, or one tuned here, or this CPU's, or the derived one;
     * then {@code -Dvectorkernels.mr} and the like on top. A profile that {@code runs} refuses (no
     * kernel of its shape) is passed over like an unknown name.
     */
    public static Profile select(int vectorBits, Cpu cpu, Predicate<Profile> runs, Consumer<String> warn) {
        return select(vectorBits, cpu, runs, warn, true);
    }

    /** {@link #select} as it would be without a tuned profile: what {@code tune} starts from and compares against. */
    public static Profile untuned(int vectorBits, Cpu cpu, Predicate<Profile> runs, Consumer<String> warn) {
        return select(vectorBits, cpu, runs, warn, false);
    }

    private static Profile select(int vectorBits, Cpu cpu, Predicate<Profile> runs, Consumer<String> warn, boolean tunedToo) {
        Profile p = base(vectorBits, cpu, runs, warn, tunedToo);
        try {
            Profile o = p.withOverrides();
            if (runs.test(o)) {
                return o;
            }
            warn.accept("-Dvectorkernels.* overrides ask for a tile no kernel serves (" + o.describe(1)
                    + "); ignored, running " + p.name());
        } catch (IllegalArgumentException e) {
            warn.accept(e.getMessage() + "; the -Dvectorkernels.* overrides are ignored, running " + p.name());
        }
        return p;
    }

    private static Profile base(int vectorBits, Cpu cpu, Predicate<Profile> runs, Consumer<String> warn, boolean tunedToo) {
        Profile derived = derived(vectorBits, cpu);
        String wanted = System.getProperty(PROPERTY, "").trim();
        if (wanted.equals(GENERIC)) {
            return derived;
        }
        if (!wanted.isEmpty()) {
            Optional<Profile> named = named(wanted);
            if (named.isPresent() && runs.test(named.get())) {
                return named.get().withSource("chosen by -D" + PROPERTY);
            }
            warn.accept("-D" + PROPERTY + "=" + wanted + " names no profile that runs here; known: " + names()
                    + "; running the profile this machine gets without it");
        }
        Optional<Profile> tuned = tunedToo ? tunedThatRuns(false, vectorBits, cpu, runs, warn) : Optional.empty();
        return tuned.or(() -> forCpu(vectorBits, cpu).filter(runs)).orElse(derived);
    }

    /** The profile tuned on this machine in one precision, if there is one and {@code runs} takes it; else warned of. */
    private static Optional<Profile> tunedThatRuns(boolean forDouble, int vectorBits, Cpu cpu, Predicate<Profile> runs,
                                                   Consumer<String> warn) {
        Optional<Profile> tuned = TunedProfiles.load(cpu, vectorBits, Runtime.version().feature(), forDouble, warn);
        tuned.filter(t -> !runs.test(t)).ifPresent(t -> warn.accept("the tuned " + (forDouble ? "double " : "") + "profile ("
                + t.source() + ") names a tile this version has no kernel for; ignored"));
        return tuned.filter(runs);
    }

    public static Optional<Profile> named(String name) {
        return SHIPPED.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<Profile> shipped() {
        return SHIPPED;
    }

    static String names() {
        return String.join(", ", SHIPPED.stream().map(Profile::name).toList()) + ", " + GENERIC;
    }

    /** The shipped profile for this CPU and vector width, if one was measured. */
    public static Optional<Profile> forCpu(int vectorBits, Cpu cpu) {
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

    /** The L3 one core can count on: its share where sysfs tells the sharers, and never more than {@link #L3_PER_CORE_MAX}. */
    static final long L3_PER_CORE_MAX = 4L << 20;

    /**
     * A profile from the vector width and the caches, after what was measured on the CPUs seen
     * (Zen 2, Zen 4, Zen 5 and an AVX-512 Xeon; docs/performance.md):
     * <ul>
     * <li>tile: 8 rows × 2 vectors with 32 vector registers, 6 × 2 with 16 (AVX2); generated kernels of
     *     both keep every accumulator in registers (read in C2's assembly), and where more rows were
     *     tried on Zen 5 none was faster;
     * <li>A packed interleaved on 512-bit vectors (4–10% at 1024³ on Zen 5, 8–15% on the Xeon with
     *     Zen 5's profile), in rows on 256-bit ones (interleaved, C2 hoists all six broadcasts of
     *     the 6-row tile and spills with 16 registers);
     * <li>MC 128 and the largest KC, up to 1024, for which a 128-row block of A fills half of L2
     *     (Zen 2: 512; Zen 4 and 5: 1024, KC 512 and 1024 measured faster than 256 there);
     * <li>NC such that a kc×nc block of B fills this core's share of L3 (a VM's sysfs may name a
     *     whole socket's L3 as shared by its two CPUs: 480 MiB on the Xeon), at most 4 MiB;
     * <li>the one-vector edge kernel on 512-bit vectors (7–10% at 100×784×100 on Zen 5); not the
     *     wide tile, which was 15% slower at 256³ on the Xeon.
     * </ul>
     * Unknown caches count as 1 MiB of L2 and 4 MiB of L3 per core.
     */
    public static Profile derived(int vectorBits, Cpu cpu) {
        boolean wide = vectorBits >= 512;
        int mr = wide ? 8 : 6, nv = 2, mc = 128;
        Cpu.CacheLevel l2 = cpu.l2(), l3 = cpu.l3();
        long l2Bytes = l2.known() ? l2.bytes() : 1L << 20;
        int kc = clamp(roundDown((int) Math.min(1 << 20, l2Bytes / 2 / ((long) mc * Float.BYTES)), 64), 256, 1024);
        long l3Share = l3.known() ? Math.min(L3_PER_CORE_MAX, l3.bytes() / l3.sharedBy()) : L3_PER_CORE_MAX;
        int nr = nv * Math.max(1, vectorBits / Float.SIZE);
        int nc = clamp(roundDown((int) Math.min(1 << 20, l3Share / ((long) kc * Float.BYTES)), nr), nr, 8192);
        return new Profile(GENERIC + "-" + vectorBits, mr, nv, kc, mc, nc, "derived from the vector width and "
                + (l2.known() ? "the cache sizes" : "no cache sizes (unknown here)"), Profile.DEFAULT_SPLIT_MIN_VOLUME,
                wide, wide, false);
    }

    /**
     * Double precision profiles measured on their CPU, each named for the float profile it goes with,
     * plus "-double". Half the lanes per vector make other tiles pay: the native libraries keep 24
     * accumulators in double on AVX-512 (../shared/gemm-anchors.md).
     */
    static final List<Profile> SHIPPED_DOUBLE = List.of(
            // Zen 5: zen5-512's tile with KC 1024, MC 64 and NC 1024: float's KC and bytes of packed B (8 MiB), and the MC
            // that tune chose for float. Pinned, interleaved rounds (docs/performance.md, eleventh session): KC 1024 against
            // 512 through Gemm.dgemm, 1024³ 1.06-1.14× OpenBLAS against 0.94-1.06×; NC 1024 against 2048, 2048³ 75.8-84.6
            // against 70.5-79.2 GFLOP/s. 8 rows × 3 vectors (24 accumulators, AOCL's zen4/zen5 dgemm tile) was no faster
            // at 2048³ and lost a third at 64³.
            new Profile("zen5-512-double", 8, 2, 1024, 64, 1024, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME,
                    true, true, true),
            // Zen 5 with AVX2: zen5-256's tile with KC 512. Pinned, two interleaved rounds against OpenBLAS-Haswell:
            // 256³ 1.00×, 1024³ 0.99×, 256×784×512 0.96×; BLIS's 6×2 with KC 256 and MC 72 was as fast (1.01, 1.02,
            // 0.94×), 4 rows × 3 vectors (OpenBLAS's tile) 0.69–0.74×.
            new Profile("zen5-256-double", 6, 2, 512, 128, 1024, "shipped, measured on AMD family 26 model 2", ZEN5_SPLIT_MIN_VOLUME,
                    false, false, false));

    /**
     * The double precision profile that goes with float profile {@code f}: the one measured beside it
     * on its CPU, else {@link #doubleOf} it. Every float tile has its double twin (one generator writes
     * both), so whatever profile runs in float runs in double.
     */
    public static Profile forDouble(Profile f) {
        return SHIPPED_DOUBLE.stream().filter(d -> d.name().equals(f.name() + "-double")).findFirst().orElseGet(() -> doubleOf(f));
    }

    /**
     * The double precision profile this JVM gets beside float's {@code f}: one tuned on this machine in
     * double ({@code tune --precision double}) unless {@code -Dvectorkernels.profile} chose float's,
     * else {@link #forDouble}. A tuned one that {@code runs} refuses is warned of and passed over.
     */
    public static Profile selectDouble(Profile f, int vectorBits, Cpu cpu, Predicate<Profile> runs, Consumer<String> warn) {
        Optional<Profile> tuned = System.getProperty(PROPERTY, "").isBlank()
                ? tunedThatRuns(true, vectorBits, cpu, runs, warn) : Optional.empty();
        return tuned.orElseGet(() -> forDouble(f));
    }

    public static List<Profile> shippedDouble() {
        return SHIPPED_DOUBLE;
    }

    /**
     * The double precision profile derived from a float one, where none was measured: the same tile
     * (rows × vectors of half the lanes), flags and row and column blocks, and half its KC, so that a
     * block of A or B holds the same bytes. On Zen 5, zen5-512 so halved ran 1.08× OpenBLAS's dgemm at
     * 1024³ and 0.83× at 2048³ (docs/performance.md, tenth session).
     */
    public static Profile doubleOf(Profile f) {
        return new Profile(f.name() + "-double", f.mr(), f.nv(), Math.max(64, f.kc() / 2), f.mc(), f.nc(),
                f.source() + ", KC halved for double", f.splitMinVolume(), f.narrowEdge(), f.interleavedA(), f.wideTile());
    }

    private static int roundDown(int x, int multiple) {
        return x / multiple * multiple;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
