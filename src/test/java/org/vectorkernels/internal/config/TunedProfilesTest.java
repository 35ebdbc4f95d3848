package org.vectorkernels.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tuned profile's file: written and read back; every kind of bad file (corrupt, too large,
 * out of range, another CPU, vector width or JDK, missing) ignored with exactly one warning, and
 * the selection then falls back to what the machine gets without it.
 */
class TunedProfilesTest {
    private static final Cpu CPU = new Cpu("AuthenticAMD", 26, 2, Set.of("avx512f", "fma"), Cpu.CacheLevel.UNKNOWN,
            Cpu.CacheLevel.UNKNOWN, Cpu.CacheLevel.UNKNOWN);
    private static final Profile TUNED = new Profile("x", 12, 2, 768, 96, 2730, "tune", 1 << 22, true, true, false);
    private static final Instant WHEN = Instant.parse("2026-12-06T19:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSavedProfileIsReadBackForThisCpuWidthAndJdk() throws IOException {
        Path file = dir.resolve("tuned.properties");
        withFile(file.toString(), () -> {
            Path written = TunedProfiles.save(TUNED, CPU, 512, 25, false, WHEN, "test\nsecond line");
            assertEquals(file, written);
            List<String> w = new ArrayList<>();
            Profile p = TunedProfiles.load(CPU, 512, 25, false, w::add).orElseThrow();
            assertEquals(List.of(), w);
            assertTrue(p.sameChoicesAs(TUNED), p.toString());
            assertEquals("tuned", p.name());
            assertTrue(p.source().contains("2026-12-06T19:00:00Z"), p.source());
            // Selection prefers it to the shipped profile, and names it.
            Profile chosen = Profiles.select(512, CPU, q -> true, w::add);
            assertEquals("tuned", chosen.name());
            assertTrue(chosen.describe(16).contains("tuned on this machine at 2026-12-06T19:00:00Z"), chosen.describe(16));
            return null;
        });
    }

    /** A double profile lives beside float's, says its precision, and is read only as double's. */
    @Test
    void aDoubleProfileIsItsOwnFileBesideFloats() throws IOException {
        Path file = dir.resolve("tuned.properties");
        withFile(file.toString(), () -> {
            Path written = TunedProfiles.save(TUNED, CPU, 512, 25, true, WHEN, "double");
            assertEquals(dir.resolve("tuned-double.properties"), written);
            List<String> w = new ArrayList<>(), floatWarnings = new ArrayList<>();
            assertEquals(Optional.empty(), TunedProfiles.load(CPU, 512, 25, false, floatWarnings::add), "no float file yet");
            assertEquals(1, floatWarnings.size(), "the named float file is missing: " + floatWarnings);
            Profile p = TunedProfiles.load(CPU, 512, 25, true, w::add).orElseThrow();
            assertEquals(List.of(), w);
            assertTrue(p.sameChoicesAs(TUNED), p.toString());
            assertEquals("tuned-double", p.name());
            Profile chosen = Profiles.selectDouble(Profiles.named("zen5-512").orElseThrow(), 512, CPU, q -> true, w::add);
            assertEquals("tuned-double", chosen.name());
            return null;
        });
        String doubleText = TunedProfiles.format(TUNED, CPU, 512, 25, true, WHEN, "d");
        String floatText = TunedProfiles.format(TUNED, CPU, 512, 25, false, WHEN, "f");
        IllegalArgumentException asFloat = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TunedProfiles.parse(doubleText, CPU, 512, 25, false, file));
        assertTrue(asFloat.getMessage().contains("precision = double"), asFloat.getMessage());
        IllegalArgumentException asDouble = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TunedProfiles.parse(floatText, CPU, 512, 25, true, file));
        assertTrue(asDouble.getMessage().contains("precision = float"), asDouble.getMessage());
    }

    @Test
    void theDefaultPlaceIsNamedForTheCpuWidthAndJdk() {
        String name = TunedProfiles.fileName(CPU, 512, 25);
        assertEquals("AuthenticAMD-26-2-" + CPU.flagsHash() + "-512bit-jdk25.properties", name);
        withFile(null, () -> {
            Path where = TunedProfiles.location(CPU, 512, 25, false).orElseThrow();
            assertTrue(where.endsWith(Path.of("vector-kernels", name)), where.toString());
            return null;
        });
        withFile("none", () -> {
            assertEquals(Optional.empty(), TunedProfiles.location(CPU, 512, 25, false));
            return null;
        });
    }

    @Test
    void everyKindOfBadFileIsIgnoredWithOneWarning() throws IOException {
        String good = TunedProfiles.format(TUNED, CPU, 512, 25, false, WHEN, "test");
        assertBad(good.replace("mr=12", "mr=99"), "mr = 99");
        assertBad(good.replace("kc=768", "kc=-4"), "kc = -4");
        assertBad(good.replace("nc=2730", "nc=lots"), "nc");
        assertBad(good.replace("wideTile=false", "wideTile=maybe"), "wideTile");
        assertBad(good.replace("cpu.model=2", "cpu.model=17"), "cpu.model = 17");
        assertBad(good.replace("cpu.flagsHash=" + CPU.flagsHash(), "cpu.flagsHash=00000000"), "cpu.flagsHash");
        assertBad(good.replace("vector.bits=512", "vector.bits=256"), "vector.bits = 256");
        assertBad(good.replace("jdk.feature=25", "jdk.feature=21"), "jdk.feature = 21");
        assertBad(good.replace("tuned.at=2026-12-06T19:00:00Z", "tuned.at=yesterday"), "tuned.at");
        assertBad(good.replace("format=", "formats="), "format");
        assertBad(good.replace("mc=96\n", ""), "mc");
        assertBad("\u0000\u0001\u0002garbage\\u12", "");
        assertBad("#" + "x".repeat(20_000), "larger than");
        Path missing = dir.resolve("absent.properties");
        withFile(missing.toString(), () -> {
            List<String> w = new ArrayList<>();
            assertEquals(Optional.empty(), TunedProfiles.load(CPU, 512, 25, false, w::add));
            assertEquals(1, w.size(), w.toString());
            return null;
        });
    }

    private void assertBad(String text, String mentions) throws IOException {
        Path file = Files.createTempFile(dir, "bad", ".properties");
        Files.writeString(file, text);
        withFile(file.toString(), () -> {
            List<String> w = new ArrayList<>();
            assertEquals(Optional.empty(), TunedProfiles.load(CPU, 512, 25, false, w::add), text);
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).contains(mentions) && w.get(0).contains(file.toString()), w.get(0));
            // Selection warns once too, and runs the shipped profile.
            List<String> w2 = new ArrayList<>();
            assertEquals("zen5-512", Profiles.select(512, CPU, q -> true, w2::add).name());
            assertEquals(1, w2.size(), w2.toString());
            return null;
        });
    }

    private interface Body {
        Object run() throws IOException;
    }

    private static void withFile(String value, Body body) {
        ProfilesTest.withProperty(null, () -> {
            String old = System.getProperty(TunedProfiles.FILE_PROPERTY);
            if (value == null) {
                System.clearProperty(TunedProfiles.FILE_PROPERTY);
            } else {
                System.setProperty(TunedProfiles.FILE_PROPERTY, value);
            }
            try {
                body.run();
            } catch (IOException e) {
                throw new AssertionError(e);
            } finally {
                if (old == null) {
                    System.clearProperty(TunedProfiles.FILE_PROPERTY);
                } else {
                    System.setProperty(TunedProfiles.FILE_PROPERTY, old);
                }
            }
        });
    }
}
