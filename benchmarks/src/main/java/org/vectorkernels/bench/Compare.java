package org.vectorkernels.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vectorkernels.Gemm;
import org.vectorkernels.bench.report.GflopsChart;
import org.vectorkernels.bench.report.JmhResult;
import org.vectorkernels.bench.report.Machine;
import org.vectorkernels.bench.report.ResultsReport;

/**
 * The comparison behind {@code benchmarks/compare}: every implementation of {@link SgemmBenchmark}
 * and of {@link DgemmBenchmark} on every shape, single-threaded, and the double precision ones
 * that thread (ours and OpenBLAS) on two threads too; then a table of GFLOP/s (2·M·N·K / median
 * time) with ratios to OpenBLAS per precision and thread count, and a chart per precision.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} when it loads, so the run is split in two child
 * JVMs: one with {@code OPENBLAS_CORETYPE=SkylakeX} (AVX-512 kernels) that also runs every other
 * implementation, and one without it (OpenBLAS's own choice). Each JMH run writes JSON under
 * {@code target/compare/}; the tables, {@code results/latest.md} and the charts
 * {@code results/sgemm-gflops.png} and {@code results/dgemm-gflops.png} are made from those files.
 * Arguments: {@code full} (default; 19 min 38 s on Zen 5 with DGEMM) or {@code quick}
 * (fewer shapes and shorter iterations, 4 min 20 s on Zen 5).
 */
public final class Compare {
    /** Shapes the scalar implementations can finish in a one-second iteration. */
    static final String[] SCALAR_SHAPES = {"64", "128", "256", "512", "256x784x512"};
    static final String[] ALL_SHAPES = {"64", "128", "256", "512", "1024", "2048", "256x784x512", "64x4096x4096"};
    static final String[] QUICK_SHAPES = {"64", "256", "1024", "256x784x512"};
    /** The double shapes on two threads: where a dense layer and a large product split. */
    static final String[] TWO_THREAD_SHAPES = {"1024", "256x784x512"};

    /** One precision's comparison: its benchmark, the prefix of its files and its title. */
    record Precision(String title, Class<?> benchmark, String prefix, boolean threadsParam) {}

    static final Precision SINGLE = new Precision("SGEMM", SgemmBenchmark.class, "sgemm", false);
    static final Precision DOUBLE = new Precision("DGEMM", DgemmBenchmark.class, "dgemm", true);

    static final String OPENBLAS_AVX512 = "OpenBLAS-SkylakeX";
    static final String OPENBLAS_DEFAULT = "OpenBLAS-default";

    private Compare() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--child")) {
            child(args[1].equals("skylakex"), args[2].equals("quick"), Path.of(args[3]));
            return;
        }
        String mode = args.length > 0 ? args[0] : "full";
        if (args.length > 1 || !mode.equals("full") && !mode.equals("quick")) {
            throw new IllegalArgumentException("usage: Compare [full|quick], not " + String.join(" ", args));
        }
        Path dir = Path.of("target", "compare");
        Files.createDirectories(dir);
        Path skx = dir.resolve("skylakex"), dflt = dir.resolve("default");
        runChild("skylakex", mode, skx);
        runChild("default", mode, dflt);
        Path results = Path.of("results");
        Files.createDirectories(results);
        double peak = peakGflops(skx);
        List<ResultsReport.Section> sections = new ArrayList<>();
        for (Precision p : List.of(SINGLE, DOUBLE)) {
            // FP64 FMAs do half the lanes of FP32 ones: the double peak is half the measured float peak.
            double precisionPeak = p == SINGLE ? peak : peak / 2;
            List<String[]> rows = new ArrayList<>(rows(skx, p.prefix(), OPENBLAS_AVX512));
            rows.addAll(rows(dflt, p.prefix(), OPENBLAS_DEFAULT));
            String title = p.title() + ", one thread";
            sections.add(new ResultsReport.Section(title, table(title, rows), rows, precisionPeak, p.prefix() + "-gflops.png"));
            GflopsChart.write(results.resolve(p.prefix() + "-gflops.png"), title, rows, precisionPeak,
                    Machine.cpu() + ", JDK " + Machine.jdk());
            if (p.threadsParam()) {
                List<String[]> two = new ArrayList<>(rows(skx, p.prefix() + "-2t", OPENBLAS_AVX512));
                two.addAll(rows(dflt, p.prefix() + "-2t", OPENBLAS_DEFAULT));
                String title2 = p.title() + ", two threads";
                sections.add(new ResultsReport.Section(title2, table(title2, two), List.of(), 2 * precisionPeak, null));
            }
        }
        for (ResultsReport.Section section : sections) {
            System.out.println();
            System.out.println(section.table());
        }
        System.out.printf(Locale.ROOT, "FP32 FMA peak of one core, measured in the same run: %.1f GFLOP/s (FP64: half)%n", peak);
        ResultsReport.write(results.resolve("latest.md"), sections, peak, mode);
        System.out.println("wrote " + results.toAbsolutePath().resolve("latest.md") + ", sgemm-gflops.png and dgemm-gflops.png");
    }

    private static void runChild(String group, String mode, Path dir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Compare.class.getName(),
                "--child", group, mode, dir.toString()).inheritIO();
        if (group.equals("skylakex")) {
            pb.environment().put("OPENBLAS_CORETYPE", "SkylakeX");
        } else {
            pb.environment().remove("OPENBLAS_CORETYPE");
        }
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("benchmark JVM for " + group + " exited with " + rc);
        }
    }

    /** Runs one group's benchmarks; each JMH run leaves a JSON result file in {@code dir}. */
    private static void child(boolean skylakex, boolean quick, Path dir) throws RunnerException {
        String[] shapes = quick ? QUICK_SHAPES : ALL_SHAPES;
        String[] scalarShapes = quick ? new String[] {"64", "256", "256x784x512"} : SCALAR_SHAPES;
        for (Precision p : List.of(SINGLE, DOUBLE)) {
            String oneThread = p.threadsParam() ? "1" : null;
            if (skylakex) {
                run(p.benchmark(), "vectorKernels|openblas|netlib", shapes, oneThread, quick, dir.resolve(p.prefix() + "-fast.json"));
                run(p.benchmark(), "naive|ikj|ejml", scalarShapes, oneThread, quick, dir.resolve(p.prefix() + "-scalar.json"));
            } else {
                run(p.benchmark(), "openblas", shapes, oneThread, quick, dir.resolve(p.prefix() + "-fast.json"));
            }
            if (p.threadsParam()) {
                run(p.benchmark(), skylakex ? "vectorKernels|openblas" : "openblas", TWO_THREAD_SHAPES, "2", quick,
                        dir.resolve(p.prefix() + "-2t-fast.json"));
            }
        }
        if (skylakex) {
            run(FmaPeakBenchmark.class, "fma512|fma256", null, null, quick, dir.resolve("peak.json"));
        }
    }

    private static void run(Class<?> benchmark, String methods, String[] shapes, String threads, boolean quick, Path json)
            throws RunnerException {
        ChainedOptionsBuilder opt = new OptionsBuilder()
                .include(benchmark.getName() + "\\.(" + methods + ")$")
                .resultFormat(ResultFormatType.JSON).result(json.toString());
        if (shapes != null) {
            opt.param("shape", shapes);
        }
        if (threads != null) {
            opt.param("threads", threads);
        }
        if (quick) {
            opt.warmupIterations(4).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        new Runner(opt.build()).run();
    }

    /** [implementation, shape, GFLOP/s] from a group's JSON files of one prefix; its openblas rows get {@code openblasLabel}. */
    private static List<String[]> rows(Path dir, String prefix, String openblasLabel) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of(prefix + "-fast.json", prefix + "-scalar.json")) {
            Path f = dir.resolve(file);
            if (!Files.exists(f)) {
                continue;
            }
            for (JmhResult r : JmhResult.read(f)) {
                String label = r.benchmark().equals("openblas") ? openblasLabel : r.benchmark();
                String shape = r.param("shape");
                double gflops = Shape.parse(shape).flops() / r.medianSeconds() / 1e9;
                rows.add(new String[] {label, shape, Double.toString(gflops)});
            }
        }
        return rows;
    }

    /** The wider of the two FMA probes, in GFLOP/s: 2 FLOPs per lane per FMA. */
    private static double peakGflops(Path dir) throws IOException {
        double best = 0;
        for (JmhResult r : JmhResult.read(dir.resolve("peak.json"))) {
            int lanes = r.benchmark().equals("fma512") ? 16 : 8;
            best = Math.max(best, 2.0 * lanes / r.medianSeconds() / 1e9);
        }
        return best;
    }

    /** A markdown table: one row per shape, GFLOP/s per implementation, then our ratios. */
    static String table(String title, List<String[]> rows) {
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        List<String> impls = new ArrayList<>();
        for (String shape : ALL_SHAPES) {
            byShape.put(shape, new LinkedHashMap<>());
        }
        for (String[] r : rows) {
            byShape.computeIfAbsent(r[1], s -> new LinkedHashMap<>()).put(r[0], Double.parseDouble(r[2]));
            if (!impls.contains(r[0])) {
                impls.add(r[0]);
            }
        }
        impls.sort((x, y) -> Integer.compare(order(x), order(y)));
        String openblasDefault = OPENBLAS_DEFAULT;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, GFLOP/s (2·M·N·K / median time); %s; JDK %s; %s%n%n",
                title, Machine.cpu(), Machine.jdk(), Gemm.implementation()));
        sb.append("| M×K×N |");
        impls.forEach(i -> sb.append(' ').append(i).append(" |"));
        sb.append(" ÷ ").append(OPENBLAS_AVX512).append(" | ÷ ").append(openblasDefault).append(" | ÷ netlib |\n|---|");
        impls.forEach(i -> sb.append("---:|"));
        sb.append("---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Double>> e : byShape.entrySet()) {
            Map<String, Double> g = e.getValue();
            if (g.isEmpty()) {
                continue;
            }
            Shape s = Shape.parse(e.getKey());
            sb.append("| ").append(s.m()).append('×').append(s.k()).append('×').append(s.n()).append(" |");
            impls.forEach(i -> sb.append(' ').append(fmt(g.get(i), "%.1f")).append(" |"));
            Double ours = g.get("vectorKernels");
            sb.append(' ').append(ratio(ours, g.get(OPENBLAS_AVX512))).append(" |")
                    .append(' ').append(ratio(ours, g.get(openblasDefault))).append(" |")
                    .append(' ').append(ratio(ours, g.get("netlib"))).append(" |\n");
        }
        return sb.toString();
    }

    private static int order(String impl) {
        List<String> fixed = List.of("vectorKernels", OPENBLAS_AVX512, OPENBLAS_DEFAULT);
        int i = fixed.indexOf(impl);
        if (i >= 0) {
            return i;
        }
        return 3 + List.of("netlib", "ejml", "ikj", "naive").indexOf(impl);
    }

    private static String ratio(Double ours, Double theirs) {
        return ours == null || theirs == null ? "–" : String.format(Locale.ROOT, "%.2f×", ours / theirs);
    }

    private static String fmt(Double v, String f) {
        return v == null ? "–" : String.format(Locale.ROOT, f, v);
    }
}
