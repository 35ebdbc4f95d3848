package org.vectorkernels.internal.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vectorkernels.Gemm;
import org.vectorkernels.internal.VectorizationProvider;
import org.vectorkernels.internal.config.TunedProfiles;

/** {@code tune} on a small budget writes a profile that the next JVM on this machine loads and names. */
class TuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTunedProfileIsWrittenAndTheNextJvmRunsIt() throws Exception {
        tuneThenInfo(List.of(), "tuned.properties", "profile tuned (tuned on this machine at ");
    }

    /** In double, the file beside float's, and the next JVM's double precision profile. */
    @Test
    void aTunedDoubleProfileIsWrittenBesideAndTheNextJvmRunsItInDouble() throws Exception {
        String written = tuneThenInfo(List.of("--precision", "double"), "tuned-double.properties",
                "double precision: profile tuned-double (tuned on this machine at ");
        assertTrue(written.contains("precision=double"), written);
    }

    /** Tunes with a 4 s budget into a file named by the property, checks the report, runs {@code info} in a new JVM; the file's text. */
    private String tuneThenInfo(List<String> extra, String writes, String infoSays) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorizationProvider.whyNot() == null, "the Vector API kernels run here");
        Path named = dir.resolve("tuned.properties"), file = dir.resolve(writes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String old = System.getProperty(TunedProfiles.FILE_PROPERTY);
        System.setProperty(TunedProfiles.FILE_PROPERTY, named.toString());
        int status;
        try {
            List<String> args = new java.util.ArrayList<>(List.of("--budget", "4s", "--shapes", "40,64x96x80"));
            args.addAll(extra);
            status = TuneCommand.run(args, print(out), print(err));
        } finally {
            if (old == null) {
                System.clearProperty(TunedProfiles.FILE_PROPERTY);
            } else {
                System.setProperty(TunedProfiles.FILE_PROPERTY, old);
            }
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err);
        assertTrue(printed.contains("(without tuning: ") && printed.contains("**(chosen)**") && printed.contains("tune: wrote " + file),
                printed);
        String text = Files.readString(file);
        assertTrue(text.contains("format=vector-kernels tuned profile 1"));

        String classes = Path.of(Gemm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-D" + TunedProfiles.FILE_PROPERTY + "=" + named,
                "-cp", classes, Main.class.getName(), "info").redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), info);
        assertTrue(info.contains(infoSays), info);
        return text;
    }

    @Test
    void badArgumentsAreNamedWithTheUsage() {
        for (List<String> args : List.of(List.of("--budget"), List.of("--budget", "0s"), List.of("--budget", "soon"),
                List.of("--shapes", "64x2"), List.of("--fast"), List.of("--precision", "half"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            assertEquals(2, TuneCommand.run(args, print(out), print(err)), args.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: tune"), err.toString(StandardCharsets.UTF_8));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }

    private static PrintStream print(ByteArrayOutputStream s) {
        return new PrintStream(s, true, StandardCharsets.UTF_8);
    }
}
