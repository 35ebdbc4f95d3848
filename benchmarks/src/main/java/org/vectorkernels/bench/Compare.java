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
 * The SGEMM comparison behind {@code benchmarks/compare}: every implementation of
 * {@link SgemmBenchmark} on every shape, single-threaded, then one table of GFLOP/s
 * (2·M·N·K / median time) with ratios to OpenBLAS.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} when it loads, so the run is split in two child
 * JVMs: one with {@code OPENBLAS_CORETYPE=SkylakeX} (AVX-512 kernels) that also runs every other
 * implementation, and one without it (OpenBLAS's own choice). Each JMH run writes JSON under
 * {@code target/compare/}; the table, {@code results/latest.md} and the chart
 * {@code results/sgemm-gflops.png} are made from those files. Arguments: {@code full} (default,
 * about 10 minutes) or {@code quick} (fewer shapes and shorter iterations, about 3 minutes).
 */
public final class Compare {
    /** Shapes the scalar implementations can finish in a one-second iteration. */
    static final String[] SCALAR_SHAPES = {"64", "128", "256", "512", "256x784x512"};
    static final String[] ALL_SHAPES = {"64", "128", "256", "512", "1024", "2048", "256x784x512", "64x4096x4096"};
    static final String[] QUICK_SHAPES = {"64", "256", "1024", "256x784x512"};

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
        List<String[]> rows = new ArrayList<>(rows(skx, OPENBLAS_AVX512));
        rows.addAll(rows(dflt, OPENBLAS_DEFAULT));
        double peak = peakGflops(skx);
        String table = table(rows);
        System.out.println();
        System.out.println(table);
        System.out.printf(Locale.ROOT, "FP32 FMA peak of one core, measured in the same run: %.1f GFLOP/s%n", peak);
        Path results = Path.of("results");
        Files.createDirectories(results);
        ResultsReport.write(results.resolve("latest.md"), table, peak, mode, rows);
        GflopsChart.write(results.resolve("sgemm-gflops.png"), rows, peak, Machine.cpu() + ", JDK " + Machine.jdk());
        System.out.println("wrote " + results.toAbsolutePath().resolve("latest.md") + " and sgemm-gflops.png");
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
        if (skylakex) {
            run(SgemmBenchmark.class, "vectorKernels|openblas|netlib", shapes, quick, dir.resolve("fast.json"));
            String[] scalarShapes = quick ? new String[] {"64", "256", "256x784x512"} : SCALAR_SHAPES;
            run(SgemmBenchmark.class, "naive|ikj|ejml", scalarShapes, quick, dir.resolve("scalar.json"));
            run(FmaPeakBenchmark.class, "fma512|fma256", null, quick, dir.resolve("peak.json"));
        } else {
            run(SgemmBenchmark.class, "openblas", shapes, quick, dir.resolve("fast.json"));
        }
    }

    private static void run(Class<?> benchmark, String methods, String[] shapes, boolean quick, Path json)
            throws RunnerException {
        ChainedOptionsBuilder opt = new OptionsBuilder()
                .include(benchmark.getName() + "\\.(" + methods + ")$")
                .resultFormat(ResultFormatType.JSON).result(json.toString());
        if (shapes != null) {
            opt.param("shape", shapes);
        }
        if (quick) {
            opt.warmupIterations(4).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        new Runner(opt.build()).run();
    }

    /** [implementation, shape, GFLOP/s] from a group's SGEMM JSON files; its openblas rows get {@code openblasLabel}. */
    private static List<String[]> rows(Path dir, String openblasLabel) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of("fast.json", "scalar.json")) {
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
    static String table(List<String[]> rows) {
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
        sb.append(String.format(Locale.ROOT, "SGEMM, one thread, GFLOP/s (2·M·N·K / median time); %s; JDK %s; %s%n%n",
                Machine.cpu(), Machine.jdk(), Gemm.implementation()));
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
