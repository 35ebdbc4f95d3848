package org.vectorkernels.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vectorkernels.bench.report.JmhResult;

/**
 * The gate's comparison on JMH JSON written here: what JMH really writes (scoreError "NaN",
 * raw data per fork), a baseline from one set of timings, and verdicts for slower and equal ones.
 */
class PerfGateTest {
    @TempDir
    Path dir;

    @Test
    void readsRawIterationsAndNaNScoreError() {
        String json = "[" + result("SgemmBenchmark", "vectorKernels", "64", "us/op", "[[3.0, 1.0], [2.0, 100.0]]") + "]";
        JmhResult r = JmhResult.parse(json).get(0);
        assertEquals("vectorKernels", r.benchmark());
        assertEquals("SgemmBenchmark", r.className());
        assertEquals("64", r.param("shape"));
        assertEquals(2.5, r.median(), 0); // of 1, 2, 3, 100: the disturbed iteration does not drag it
        assertEquals(2.5e-6, r.medianSeconds(), 1e-18);
        assertEquals(115.0, r.secondaryMedian("peakGflops"), 0); // PeakProbe's figure, from the same JVM
        assertTrue(Double.isNaN(r.secondaryMedian("absent")));
    }

    @Test
    void unchangedTimingsPass() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Path run = write("run.json", allProbes(1.0));
        assertEquals(0, gate("--update-baseline", "--baseline", baseline.toString(), "--judge", run.toString()));
        assertTrue(Files.readString(baseline).contains("\"cpu\""));
        assertEquals(0, gate("--baseline", baseline.toString(), "--judge", run.toString()));
    }

    @Test
    void aSlowerKernelFailsAndIsNamed() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, gate("--update-baseline", "--baseline", baseline.toString(), "--judge",
                write("before.json", allProbes(1.0)).toString()));
        // Only the SGEMM at 1024 takes 30% longer; the peak probe and everything else are unchanged.
        List<String> slower = allProbes(1.0);
        slower.replaceAll(s -> s.contains("\"shape\" : \"1024\"") ? s.replace("[[1000.0, 1000.0]]", "[[1300.0, 1300.0]]") : s);
        StringBuilder captured = new StringBuilder();
        int status = gate(captured, "--baseline", baseline.toString(), "--judge", write("after.json", slower).toString());
        String out = captured.toString();
        assertEquals(1, status, out);
        assertTrue(out.contains("FAIL sgemm 1024: GFLOP/s ÷ FMA peak"), out);
        assertTrue(out.contains("REGRESSION"), out);
        assertTrue(!out.contains("FAIL sgemm 256"), out);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        try {
            PerfGate.parse(new String[] {"--frobnicate"});
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("--frobnicate"));
            return;
        }
        throw new AssertionError("no error for an unknown argument");
    }

    private int gate(String... args) throws Exception {
        return gate(new StringBuilder(), args);
    }

    /** Runs the gate with its standard output captured into {@code out}. */
    private static int gate(StringBuilder out, String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return PerfGate.parse(args).run();
        } finally {
            System.setOut(old);
            out.append(captured.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Path write(String name, List<String> results) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "[" + String.join(",", results) + "]");
        return p;
    }

    /** Every probe the suite needs, with times in microseconds scaled by {@code factor}. */
    private static List<String> allProbes(double factor) {
        List<String> r = new ArrayList<>();
        for (Check c : Check.suite()) {
            for (Check.Probe p : c.probes()) {
                String entry = result(p.className(), p.method(), p.shape(), p.className().equals("FmaPeakBenchmark") ? "ns/op" : "us/op",
                        raw(p, factor));
                if (!r.contains(entry)) {
                    r.add(entry);
                }
            }
        }
        return r;
    }

    private static String raw(Check.Probe p, double factor) {
        double t = switch (p.method()) {
            case "fma512" -> 0.28;
            case "fma256" -> 0.14;
            case "naive" -> 50_000;
            case "readBandwidth" -> 2_800;
            case "sumRows" -> 3_200;
            default -> "1024".equals(p.shape()) ? 1_000 : 100;
        } * factor;
        return "[[" + t + ", " + t + "]]";
    }

    /** One entry as JMH 1.37 writes it, with scoreError "NaN" as it is for a single fork, and PeakProbe's secondary result. */
    static String result(String cls, String method, String shape, String unit, String raw) {
        return "{ \"jmhVersion\" : \"1.37\", \"benchmark\" : \"org.vectorkernels.bench." + cls + "." + method + "\", "
                + "\"mode\" : \"avgt\", \"threads\" : 1, \"forks\" : 1, "
                + (shape == null ? "" : "\"params\" : { \"shape\" : \"" + shape + "\" }, ")
                + "\"primaryMetric\" : { \"score\" : 1.0, \"scoreError\" : \"NaN\", \"scoreConfidence\" : [ \"NaN\", \"NaN\" ], "
                + "\"scoreUnit\" : \"" + unit + "\", \"rawData\" : " + raw + " }, "
                + "\"secondaryMetrics\" : { \"peakGflops\" : { \"score\" : 115.0, \"scoreError\" : \"NaN\", "
                + "\"scoreUnit\" : \"#\", \"rawData\" : [ [ 114.0, 116.0 ] ] } } }";
    }
}
