package org.vectorkernels.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class ProfilesTest {
    private static Cpu amd(int family, int model) {
        return new Cpu("AuthenticAMD", family, model, Set.of(), Cpu.CacheLevel.UNKNOWN, Cpu.CacheLevel.UNKNOWN,
                Cpu.CacheLevel.UNKNOWN);
    }

    @Test
    void namesTheZenGenerationsMeasuredHere() {
        assertEquals("zen5", Profiles.microarchitecture(amd(26, 2)));
        assertEquals("zen4", Profiles.microarchitecture(amd(25, 17)));
        assertEquals("zen2", Profiles.microarchitecture(amd(23, 49)));
        assertNull(Profiles.microarchitecture(amd(25, 1)), "Zen 3: no profile measured");
        assertNull(Profiles.microarchitecture(new Cpu("GenuineIntel", 6, 85, Set.of(), Cpu.CacheLevel.UNKNOWN,
                Cpu.CacheLevel.UNKNOWN, Cpu.CacheLevel.UNKNOWN)));
    }

    /** Every profile runs, for the selection tests; warnings are collected. */
    private static Profile select(int bits, Cpu cpu, List<String> warnings) {
        return Profiles.select(bits, cpu, p -> true, warnings::add);
    }

    @Test
    void aMeasuredCpuGetsItsShippedProfilePerVectorWidth() {
        withProperty(null, () -> {
            List<String> w = new ArrayList<>();
            assertEquals("zen5-512", select(512, amd(26, 2), w).name());
            assertEquals(6, select(256, amd(26, 2), w).mr());
            assertEquals("zen4-256", select(256, amd(25, 17), w).name());
            assertEquals("zen2-256", select(256, amd(23, 49), w).name());
            // No 512-bit profile was measured on Zen 2 (it has no AVX-512): derived.
            assertEquals("generic-512", select(512, amd(23, 49), w).name());
            assertEquals(List.of(), w);
        });
    }

    @Test
    void theDerivedProfileTakesMcAndKcFromL2AndNcFromThisCoresShareOfL3() {
        Cpu.CacheLevel l1 = new Cpu.CacheLevel(48 << 10, 12, 64), l2 = new Cpu.CacheLevel(2 << 20, 16, 64);
        // The Xeon's VM: a whole socket's 480 MiB of L3, said to be shared by its two CPUs.
        Cpu.CacheLevel l3 = new Cpu.CacheLevel(480L << 20, 15, 64, 2);
        Profile p = Profiles.derived(512, new Cpu("GenuineIntel", 6, 167, Set.of(), l1, l2, l3));
        assertEquals(8, p.mr());
        assertEquals(2, p.nv());
        assertEquals(128, p.mc());
        assertEquals(1024, p.kc(), "half of L2 over 128 rows of 4 bytes is 4096, capped at 1024");
        assertEquals(1024, p.nc(), "4 MiB, the most one core's share of L3 counts, over kc·4 bytes");
        assertTrue(p.interleavedA() && p.narrowEdge() && !p.wideTile(), p.toString());
        // Zen 2: 512 KiB of L2, 16 MiB of L3 shared by 4 cores.
        Profile zen2 = Profiles.derived(256, new Cpu("AuthenticAMD", 23, 49, Set.of(), new Cpu.CacheLevel(32 << 10, 8, 64),
                new Cpu.CacheLevel(512 << 10, 8, 64), new Cpu.CacheLevel(16 << 20, 16, 64, 4)));
        assertEquals(6, zen2.mr());
        assertEquals(512, zen2.kc());
        assertEquals(2048, zen2.nc());
        assertFalse(zen2.interleavedA() || zen2.narrowEdge() || zen2.wideTile(), zen2.toString());
        Profile blind = Profiles.derived(256, Cpu.UNKNOWN);
        assertEquals(6, blind.mr());
        assertEquals(1024, blind.kc());
        assertEquals(128, blind.mc());
        assertEquals(1024, blind.nc());
        assertTrue(blind.source().contains("no cache sizes"), blind.source());
    }

    @Test
    void anUnknownNameWarnsAndRunsWhatTheMachineGetsWithoutIt() {
        withProperty("zen4-256", () -> assertEquals("zen4-256", select(512, amd(26, 2), new ArrayList<>()).name()));
        withProperty("generic", () -> assertEquals("generic-512", select(512, amd(26, 2), new ArrayList<>()).name()));
        withProperty("zen9", () -> {
            List<String> w = new ArrayList<>();
            assertEquals("zen5-512", select(512, amd(26, 2), w).name());
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).contains("vectorkernels.profile=zen9") && w.get(0).contains("zen5-512"), w.get(0));
        });
    }

    @Test
    void aProfileNoKernelServesIsPassedOverWithAWarning() {
        withProperty("zen4-256", () -> {
            List<String> w = new ArrayList<>();
            Profile p = Profiles.select(512, amd(26, 2), q -> !q.name().equals("zen4-256"), w::add);
            assertEquals("zen5-512", p.name());
            assertEquals(1, w.size(), w.toString());
        });
    }

    @Test
    void aBadOverrideWarnsAndIsIgnored() {
        withProperty(null, () -> {
            for (String bad : List.of("eight", "0", "99")) {
                System.setProperty("vectorkernels.mr", bad);
                try {
                    List<String> w = new ArrayList<>();
                    Profile p = select(512, amd(26, 2), w);
                    assertEquals("zen5-512", p.name());
                    assertEquals(8, p.mr());
                    assertEquals(1, w.size(), w.toString());
                    assertTrue(w.get(0).contains("mr"), w.get(0));
                } finally {
                    System.clearProperty("vectorkernels.mr");
                }
            }
            System.setProperty("vectorkernels.kc", "300");
            try {
                Profile p = select(512, amd(26, 2), new ArrayList<>());
                assertEquals(300, p.kc());
                assertEquals("zen5-512+overrides", p.name());
            } finally {
                System.clearProperty("vectorkernels.kc");
            }
        });
    }

    @Test
    void sizesOutsideTheirRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Profile("x", 17, 2, 256, 128, 4096, "test"));
        assertTrue(e.getMessage().contains("mr = 17"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Profile("x", 8, 2, 0, 128, 4096, "test"));
        assertThrows(IllegalArgumentException.class, () -> new Profile("x", 8, 5, 256, 128, 4096, "test"));
        assertThrows(IllegalArgumentException.class, () -> new Profile("x", 8, 2, 256, 128, 1 << 20, "test"));
    }

    @Test
    void zen5SplitsFromFourMiPerPartTheOthersFrom128Cubed() {
        assertEquals(4L << 20, Profiles.named("zen5-512").orElseThrow().splitMinVolume());
        assertEquals(4L << 20, Profiles.named("zen5-256").orElseThrow().splitMinVolume());
        assertEquals(128L * 128 * 128, Profiles.named("zen4-512").orElseThrow().splitMinVolume());
        assertEquals(Profile.DEFAULT_SPLIT_MIN_VOLUME, new Profile("x", 4, 2, 256, 128, 4096, "test").splitMinVolume());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Profile("x", 4, 2, 256, 128, 4096, "test", 0, false, false, false));
        assertTrue(e.getMessage().contains("splitMinVolume"), e.getMessage());
    }

    @Test
    void onlyTheProfileMeasuredWithItRunsTheOneVectorEdgeKernel() {
        assertTrue(Profiles.named("zen5-512").orElseThrow().narrowEdge());
        for (String name : List.of("zen5-256", "zen4-512", "zen4-256", "zen2-256")) {
            assertFalse(Profiles.named(name).orElseThrow().narrowEdge(), name);
        }
        assertFalse(new Profile("x", 4, 2, 256, 128, 4096, "test").narrowEdge());
        Profile chosen = Profiles.named("zen5-512").orElseThrow().withSource("elsewhere");
        assertTrue(chosen.narrowEdge());
        assertEquals(4L << 20, chosen.splitMinVolume());
        assertEquals("elsewhere", chosen.source());
    }

    @Test
    void onlyTheProfileMeasuredWithThemPacksAInterleavedAndRunsTheWideTile() {
        for (Predicate<Profile> flag : List.<Predicate<Profile>>of(Profile::interleavedA, Profile::wideTile)) {
            assertTrue(flag.test(Profiles.named("zen5-512").orElseThrow()));
            for (String name : List.of("zen5-256", "zen4-512", "zen4-256", "zen2-256")) {
                assertFalse(flag.test(Profiles.named(name).orElseThrow()), name);
            }
            assertTrue(flag.test(Profiles.named("zen5-512").orElseThrow().withSource("elsewhere")));
        }
        assertFalse(Profiles.derived(512, Cpu.UNKNOWN).wideTile());
    }

    @Test
    void theEdgeKernelPropertyIsTrueOrFalse() {
        assertTrue(Profile.flag("p", "true", false));
        assertFalse(Profile.flag("p", " false ", true));
        assertTrue(Profile.flag("p", null, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.flag("p", "yes", false));
        assertTrue(e.getMessage().contains("-Dp=yes"), e.getMessage());
    }

    /** Runs {@code body} with -Dvectorkernels.profile as given, no tile override and no tuned profile file. */
    /** Double gets the profile measured beside float's where there is one, else float's with half its KC. */
    @Test
    void doubleGetsItsMeasuredProfileElseFloatsWithHalfTheKc() {
        for (Profile f : Profiles.shipped()) {
            Profile d = Profiles.forDouble(f);
            assertEquals(f.name() + "-double", d.name());
            if (Profiles.shippedDouble().stream().noneMatch(x -> x.name().equals(d.name()))) {
                assertEquals(f.kc() / 2, d.kc(), d.toString());
                assertEquals(f.mr(), d.mr());
                assertEquals(f.nv(), d.nv());
            }
        }
        for (Profile d : Profiles.shippedDouble()) {
            String floatName = d.name().substring(0, d.name().length() - "-double".length());
            assertTrue(Profiles.named(floatName).isPresent(), d.name() + " goes with a shipped float profile");
            assertEquals(d, Profiles.forDouble(Profiles.named(floatName).orElseThrow()));
        }
        Profile derived = Profiles.derived(512, new Cpu("GenuineIntel", 6, 167, java.util.Set.of(), Cpu.CacheLevel.UNKNOWN,
                Cpu.CacheLevel.UNKNOWN, Cpu.CacheLevel.UNKNOWN));
        assertEquals(derived.kc() / 2, Profiles.forDouble(derived).kc());
    }

    static void withProperty(String value, Runnable body) {
        String old = System.getProperty(Profiles.PROPERTY);
        String mr = System.getProperty("vectorkernels.mr");
        String file = System.getProperty(TunedProfiles.FILE_PROPERTY);
        try {
            System.clearProperty("vectorkernels.mr"); // a test configuration may force the tile
            System.setProperty(TunedProfiles.FILE_PROPERTY, TunedProfiles.NONE);
            if (value == null) {
                System.clearProperty(Profiles.PROPERTY);
            } else {
                System.setProperty(Profiles.PROPERTY, value);
            }
            body.run();
        } finally {
            restore(Profiles.PROPERTY, old);
            restore("vectorkernels.mr", mr);
            restore(TunedProfiles.FILE_PROPERTY, file);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
