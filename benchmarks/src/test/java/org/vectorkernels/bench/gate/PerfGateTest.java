package org.vectorkernels.bench.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vectorkernels.bench.gate.Judge.Row;
import org.vectorkernels.bench.gate.Judge.Samples;
import org.vectorkernels.bench.gate.Judge.Verdict;
import org.vectorkernels.bench.report.JmhResult;

/**
 * The gate's judging on JMH JSON as JMH 1.37 writes it (scoreError "NaN", raw data per fork, PeakProbe's
 * secondary result): ratios, the rank test, thresholds, verdicts and exit statuses; and its arguments.
 */
class PerfGateTest {
    @TempDir
    Path dir;

    static final List<Figure> SUITE = Figure.suite();
    static final Figure SGEMM_1024 = SUITE.get(2);

    @Test
    void readsRawIterationsAndNaNScoreError() {
        JmhResult r = JmhResult.parse("[" + result(SUITE.get(0), "us/op", "[[3.0, 1.0], [2.0, 100.0]]") + "]").get(0);
        assertEquals("vectorKernels", r.benchmark());
        assertEquals("SgemmBenchmark", r.className());
        assertEquals("64", r.param("shape"));
        assertEquals(2.5, r.median(), 0); // of 1, 2, 3, 100: the disturbed iteration does not drag it
        assertArrayEquals(new double[] {3e-6, 1e-6, 2e-6, 100e-6}, r.rawSeconds(), 1e-18);
        assertArrayEquals(new double[] {114, 116}, Samples.of(r).peakGflops(), 0, "one figure per fork, in its last iteration");
    }

    @Test
    void doubleFiguresAreJudgedAgainstHalfTheFp32Peak() {
        for (Figure f : SUITE) {
            assertEquals(f.className().equals("DgemmBenchmark"), f.fp64(), f.id());
            assertEquals(f.fp64() ? 100.0 : 200.0, f.peakOf(200.0), 0, f.id());
        }
    }

    @Test
    void theSameTimingsPass() throws Exception {
        Map<Figure, Samples> base = recorded(f -> f == SGEMM_1024 ? "[[1000, 1010, 990], [1005, 995]]" : null);
        List<Row> rows = Judge.judge(SUITE, base, base, gate(0.1));
        rows.forEach(r -> assertEquals(Verdict.OK, r.verdict(), r.figure().id()));
        StringBuilder out = new StringBuilder();
        assertEquals(0, report(rows, out));
        assertTrue(out.toString().contains("perf-gate: worst ratio candidate ÷ base: 1.000"), out.toString());
        assertTrue(out.toString().contains("PASS"), out.toString());
    }

    @Test
    void aSlowerKernelFailsAndIsNamed() throws Exception {
        Map<Figure, Samples> base = recorded(f -> null);
        // Only the SGEMM at 1024 takes 15% longer, in every fork.
        Map<Figure, Samples> cand = recorded(f -> f == SGEMM_1024 ? scaled(1.15) : null);
        List<Row> rows = Judge.judge(SUITE, base, cand, gate(0.1));
        StringBuilder out = new StringBuilder();
        assertEquals(GateException.REGRESSION, report(rows, out), out.toString());
        assertTrue(out.toString().contains("perf-gate: FAIL sgemm 1024: candidate ÷ base time 1.150, +15.0% (threshold 10%"),
                out.toString());
        assertTrue(out.toString().contains("worst ratio candidate ÷ base: 1.150 (sgemm 1024)"), out.toString());
        assertEquals(1, rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count());
        // A per-figure threshold above the slowdown lets it pass.
        GateFile lenient = gate(0.1, "\"sgemm 1024\": 0.2");
        assertEquals(0, report(Judge.judge(SUITE, base, cand, lenient), new StringBuilder()));
    }

    @Test
    void aFasterCandidateIsSaidAndPasses() throws Exception {
        Map<Figure, Samples> cand = recorded(f -> f == SGEMM_1024 ? scaled(0.7) : null);
        List<Row> rows = Judge.judge(SUITE, recorded(f -> null), cand, gate(0.1));
        assertEquals(Verdict.FASTER, rows.get(2).verdict());
        assertEquals(0, report(rows, new StringBuilder()));
    }

    @Test
    void aSlowerMedianWithoutEvidenceIsNotAFailure() throws Exception {
        // Medians 100 vs 115, but the two sides' iterations overlap: the rank test does not call it.
        Map<Figure, Samples> base = recorded(f -> f == SGEMM_1024 ? "[[100, 100, 140, 140, 100]]" : null);
        Map<Figure, Samples> cand = recorded(f -> f == SGEMM_1024 ? "[[115, 140, 100, 141, 115]]" : null);
        Row row = Judge.judge(SUITE, base, cand, gate(0.1)).get(2);
        assertEquals(1.15, row.ratio(), 1e-12);
        assertTrue(row.pSlower() >= Judge.ALPHA, "p = " + row.pSlower());
        assertEquals(Verdict.OK, row.verdict());
    }

    @Test
    void aSlowdownFailsOnlyIfThePairsMeasuredAgainShowItAlone() throws Exception {
        Map<Figure, Samples> base = recorded(f -> null);
        List<Row> pooled = Judge.judge(SUITE, base, recorded(f -> f == SGEMM_1024 ? scaled(1.15) : null), gate(0.1));
        assertEquals(Verdict.REGRESSION, pooled.get(2).verdict());
        // Measured again, the candidate is as fast as the base: a state of the first forks, not the code.
        List<Row> notAgain = Judge.judge(List.of(SGEMM_1024), base, recorded(f -> null), gate(0.1));
        List<Row> rows = Judge.confirmed(pooled, notAgain);
        assertEquals(Verdict.OK, rows.get(2).verdict());
        assertEquals(1.15, rows.get(2).ratio(), 1e-9, "the pooled ratio is still reported");
        assertEquals(0, report(rows, new StringBuilder()));
        // Slower again, past the threshold: it fails.
        List<Row> slowerAgain = Judge.judge(List.of(SGEMM_1024), base, recorded(f -> f == SGEMM_1024 ? scaled(1.12) : null), gate(0.1));
        assertEquals(GateException.REGRESSION, report(Judge.confirmed(pooled, slowerAgain), new StringBuilder()));
    }

    @Test
    void aBenchmarkMissingOnTheBaseIsNewNotFailed() throws Exception {
        Map<Figure, Samples> base = recorded(f -> null);
        base.remove(SGEMM_1024);
        StringBuilder out = new StringBuilder();
        List<Row> rows = Judge.judge(SUITE, base, recorded(f -> null), gate(0.1));
        assertEquals(Verdict.NEW, rows.get(2).verdict());
        assertEquals(0, report(rows, out));
        assertTrue(out.toString().contains("perf-gate: NEW sgemm 1024: does not run on the base"), out.toString());
    }

    @Test
    void aBenchmarkFailingOnTheCandidateIsBroken() throws Exception {
        Map<Figure, Samples> cand = recorded(f -> null);
        cand.remove(SGEMM_1024);
        StringBuilder out = new StringBuilder();
        assertEquals(GateException.CANDIDATE_BROKEN, report(Judge.judge(SUITE, recorded(f -> null), cand, gate(0.1)), out));
        assertTrue(out.toString().contains("perf-gate: BROKEN sgemm 1024"), out.toString());
    }

    @Test
    void gateFileErrorsAreUsageErrors() throws Exception {
        Path p = dir.resolve("g.json");
        Files.writeString(p, "{\"base\": \"HEAD\", \"threshold\": 0.1}");
        assertEquals(GateException.USAGE, assertThrows(GateException.class, () -> GateFile.read(p)).status);
        Files.writeString(p, "{\"base\": \"" + "a".repeat(40) + "\", \"threshold\": 1.5}");
        GateException e = assertThrows(GateException.class, () -> GateFile.read(p));
        assertTrue(e.getMessage().contains("threshold must be in (0, 1)"), e.getMessage());
        assertEquals(GateException.USAGE, assertThrows(GateException.class, () -> GateFile.read(dir.resolve("none"))).status);
    }

    @Test
    void acceptMovesTheBaseAndKeepsTheThresholds() throws Exception {
        Path p = dir.resolve("g.json");
        Files.writeString(p, "{\"base\": \"" + "a".repeat(40) + "\", \"threshold\": 0.1, \"thresholds\": {\"sgemm 64\": 0.2}}");
        GateFile.read(p).accept(p, "b".repeat(40), "2026-12-02");
        GateFile again = GateFile.read(p);
        assertEquals("b".repeat(40), again.json.base);
        assertEquals(0.2, again.threshold("sgemm 64"));
        assertEquals(0.1, again.threshold("sgemm 256"));
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheArgument() {
        for (String[] args : List.of(new String[] {"--frobnicate"}, new String[] {"--pairs", "0", "--candidate", "HEAD"},
                new String[] {"--only", "(", "--candidate", "HEAD"}, new String[] {"--base"}, new String[] {"--quick"},
                new String[] {"--candidate", "HEAD", "--candidate-jar", "x.jar"})) {
            GateException e = assertThrows(GateException.class, () -> PerfGate.parse(args), Arrays.toString(args));
            assertEquals(GateException.USAGE, e.status);
            assertTrue(e.getMessage().contains(args[0].equals("--quick") ? "no candidate" : args[args.length == 6 ? 2 : 0]),
                    e.getMessage());
        }
        PerfGate ok = PerfGate.parse(new String[] {"--quick", "--base", "HEAD~1", "--candidate", "HEAD", "--pairs", "2"});
        assertEquals("HEAD~1", ok.baseRef);
        assertEquals(2, ok.pairs);
    }

    @Test
    void theLibraryLeavesTheClassPathSoEachSideBringsItsOwn() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("org/vectorkernels"));
        Files.writeString(classes.resolve("org/vectorkernels/Gemm.class"), "");
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        assertEquals(List.of(other.toString(), "missing.jar"),
                AbRun.withoutLibrary(classes + java.io.File.pathSeparator + other + java.io.File.pathSeparator + "missing.jar"));
    }

    private GateFile gate(double threshold, String... perFigure) throws Exception {
        Path p = dir.resolve("gate-" + System.nanoTime() + ".json");
        Files.writeString(p, "{\"base\": \"" + "0".repeat(40) + "\", \"threshold\": " + threshold + ", \"thresholds\": {"
                + String.join(", ", perFigure) + "}}");
        return GateFile.read(p);
    }

    /** Runs the report with its standard output captured into {@code out}. */
    private static int report(List<Row> rows, StringBuilder out) {
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return PerfGate.report(rows);
        } finally {
            System.setOut(old);
            out.append(captured.toString(StandardCharsets.UTF_8));
        }
    }

    /** Three forks of five iterations, every figure near 1000 µs, as JMH's JSON; {@code raw} replaces a figure's data. */
    private Map<Figure, Samples> recorded(java.util.function.Function<Figure, String> raw) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (Figure f : SUITE) {
            String r = raw.apply(f);
            json.append(json.length() > 1 ? "," : "").append(result(f, "us/op", r != null ? r : scaled(1.0)));
        }
        Path file = dir.resolve("run-" + System.nanoTime() + ".json");
        Files.writeString(file, json.append("]"));
        Map<Figure, Samples> samples = new LinkedHashMap<>();
        for (JmhResult r : JmhResult.read(file)) {
            Figure f = SUITE.stream().filter(x -> x.className().equals(r.className()) && x.method().equals(r.benchmark())
                            && x.shape().equals(r.param("shape")))
                    .findFirst().orElseThrow();
            samples.put(f, Samples.of(r));
        }
        return samples;
    }

    /** Iterations of three forks around 1000 µs times {@code factor}, with a spread of about 2%. */
    private static String scaled(double factor) {
        IntFunction<String> fork = k -> Arrays.toString(Arrays.stream(new double[] {990, 1005, 1000, 1012, 995})
                .map(v -> v * factor * (1 + 0.004 * k)).toArray());
        return "[" + fork.apply(0) + ", " + fork.apply(1) + ", " + fork.apply(2) + "]";
    }

    /** One entry as JMH 1.37 writes it, with scoreError "NaN" as it is for a single fork, and PeakProbe's secondary result. */
    static String result(Figure f, String unit, String raw) {
        return "{ \"jmhVersion\" : \"1.37\", \"benchmark\" : \"org.vectorkernels.bench." + f.className() + "." + f.method() + "\", "
                + "\"mode\" : \"avgt\", \"threads\" : 1, \"forks\" : 1, "
                + "\"params\" : { \"shape\" : \"" + f.shape() + "\" }, "
                + "\"primaryMetric\" : { \"score\" : 1.0, \"scoreError\" : \"NaN\", \"scoreConfidence\" : [ \"NaN\", \"NaN\" ], "
                + "\"scoreUnit\" : \"" + unit + "\", \"rawData\" : " + raw + " }, "
                + "\"secondaryMetrics\" : { \"peakGflops\" : { \"score\" : 115.0, \"scoreError\" : \"NaN\", "
                + "\"scoreUnit\" : \"#\", \"rawData\" : [ [ 0.0, 114.0 ], [ 0.0, 0.0, 116.0 ] ] } } }";
    }
}
