package org.vectorkernels.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aMeasuredCpuGetsItsShippedProfilePerVectorWidth() {
        withProperty(null, () -> {
            assertEquals("zen5-512", Profiles.select(512, amd(26, 2)).name());
            assertEquals(4, Profiles.select(256, amd(26, 2)).mr());
            assertEquals("zen4-256", Profiles.select(256, amd(25, 17)).name());
            assertEquals("zen2-256", Profiles.select(256, amd(23, 49)).name());
            // No 512-bit profile was measured on Zen 2 (it has no AVX-512): derived.
            assertEquals("generic-512", Profiles.select(512, amd(23, 49)).name());
        });
    }

    @Test
    void unknownCpusGetTheProfileDerivedFromTheWidthAndCaches() {
        Cpu.CacheLevel l1 = new Cpu.CacheLevel(48 << 10, 12, 64), l2 = new Cpu.CacheLevel(1 << 20, 16, 64);
        Cpu.CacheLevel l3 = new Cpu.CacheLevel(32 << 20, 16, 64);
        Cpu known = new Cpu("GenuineIntel", 6, 143, Set.of(), l1, l2, l3);
        Profile p = Profiles.analytical(512, known);
        // 12 ways of 64 sets: B's micro-panel may take floor(11 / (1 + 8/32)) = 8 ways = 32 KiB = kc·32 floats.
        assertEquals(8, p.mr());
        assertEquals(256, p.kc());
        assertEquals(512, p.mc(), "half of L2 over kc·4 bytes");
        assertEquals(8192, p.nc(), "half of L3 over kc·4 bytes, capped");
        Profile blind = Profiles.analytical(256, Cpu.UNKNOWN);
        assertEquals(6, blind.mr());
        assertEquals(256, blind.kc());
        assertEquals(128, blind.mc());
        assertEquals(4096, blind.nc());
        assertTrue(blind.source().contains("no cache sizes"), blind.source());
    }

    @Test
    void thePropertyNamesAProfileOrFailsNamingTheKnownOnes() {
        withProperty("zen4-256", () -> assertEquals("zen4-256", Profiles.select(512, amd(26, 2)).name()));
        withProperty("generic", () -> assertEquals("generic-512", Profiles.select(512, amd(26, 2)).name()));
        withProperty("zen9", () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.select(512, amd(26, 2)));
            assertTrue(e.getMessage().contains("vectorkernels.profile=zen9") && e.getMessage().contains("zen5-512"),
                    e.getMessage());
        });
    }

    @Test
    void tilesOutsideTheKernelAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Profile("x", 9, 256, 128, 4096, "test"));
        assertTrue(e.getMessage().contains("mr = 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Profile("x", 8, 0, 128, 4096, "test"));
    }

    @Test
    void zen5SplitsFromFourMiPerPartTheOthersFrom128Cubed() {
        assertEquals(4L << 20, Profiles.named("zen5-512").orElseThrow().splitMinVolume());
        assertEquals(4L << 20, Profiles.named("zen5-256").orElseThrow().splitMinVolume());
        assertEquals(128L * 128 * 128, Profiles.named("zen4-512").orElseThrow().splitMinVolume());
        assertEquals(Profile.DEFAULT_SPLIT_MIN_VOLUME, new Profile("x", 4, 256, 128, 4096, "test").splitMinVolume());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Profile("x", 4, 256, 128, 4096, "test", 0, false, false, false));
        assertTrue(e.getMessage().contains("splitMinVolume"), e.getMessage());
    }

    @Test
    void onlyTheProfileMeasuredWithItRunsTheOneVectorEdgeKernel() {
        assertTrue(Profiles.named("zen5-512").orElseThrow().narrowEdge());
        for (String name : List.of("zen5-256", "zen4-512", "zen4-256", "zen2-256")) {
            assertFalse(Profiles.named(name).orElseThrow().narrowEdge(), name);
        }
        assertFalse(new Profile("x", 4, 256, 128, 4096, "test").narrowEdge());
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
            assertFalse(flag.test(Profiles.analytical(512, Cpu.detect())));
            assertTrue(flag.test(Profiles.named("zen5-512").orElseThrow().withSource("elsewhere")));
        }
    }

    @Test
    void theEdgeKernelPropertyIsTrueOrFalse() {
        assertTrue(Profile.flag("p", "true", false));
        assertFalse(Profile.flag("p", " false ", true));
        assertTrue(Profile.flag("p", null, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.flag("p", "yes", false));
        assertTrue(e.getMessage().contains("-Dp=yes"), e.getMessage());
    }

    private static void withProperty(String value, Runnable body) {
        String old = System.getProperty(Profiles.PROPERTY);
        String mr = System.getProperty("vectorkernels.mr");
        try {
            System.clearProperty("vectorkernels.mr"); // a test configuration may force the tile
            if (value == null) {
                System.clearProperty(Profiles.PROPERTY);
            } else {
                System.setProperty(Profiles.PROPERTY, value);
            }
            body.run();
        } finally {
            restore(Profiles.PROPERTY, old);
            restore("vectorkernels.mr", mr);
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
