package org.vectorkernels.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vectorkernels.Gemm;

/**
 * The SGEMM comparison behind {@code benchmarks/compare}: every implementation of
 * {@link SgemmBenchmark} on every shape, single-threaded, then one table of GFLOP/s
 * (2·M·N·K / median time) with ratios to OpenBLAS.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} when it loads, so the run is split in two child
 * JVMs: one with {@code OPENBLAS_CORETYPE=SkylakeX} (AVX-512 kernels) that also runs every other
 * implementation, and one without it (OpenBLAS's own choice). Arguments: {@code full} (default,
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
        if (!mode.equals("full") && !mode.equals("quick")) {
            throw new IllegalArgumentException("usage: Compare [full|quick], not " + String.join(" ", args));
        }
        Path dir = Files.createTempDirectory("vk-compare");
        Path skx = dir.resolve("skylakex.tsv"), dflt = dir.resolve("default.tsv");
        runChild("skylakex", mode, skx);
        runChild("default", mode, dflt);
        List<String[]> rows = new ArrayList<>(tsv(skx));
        rows.addAll(tsv(dflt));
        System.out.println();
        System.out.println(table(rows));
    }

    private static void runChild(String group, String mode, Path out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Compare.class.getName(),
                "--child", group, mode, out.toString()).inheritIO();
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

    private static void child(boolean skylakex, boolean quick, Path out) throws RunnerException, IOException {
        // OpenBLAS 0.3.31 exposes no core name through bytedeco: label it by the environment.
        String openblasLabel = skylakex ? OPENBLAS_AVX512 : OPENBLAS_DEFAULT;
        List<String> lines = new ArrayList<>();
        String[] shapes = quick ? QUICK_SHAPES : ALL_SHAPES;
        if (skylakex) {
            lines.addAll(run("vectorKernels|openblas|netlib", shapes, quick, openblasLabel));
            String[] scalarShapes = quick ? new String[] {"64", "256", "256x784x512"} : SCALAR_SHAPES;
            lines.addAll(run("naive|ikj|ejml", scalarShapes, quick, openblasLabel));
        } else {
            lines.addAll(run("openblas", shapes, quick, openblasLabel));
        }
        Files.write(out, lines);
    }

    private static List<String> run(String methods, String[] shapes, boolean quick, String openblasLabel)
            throws RunnerException {
        ChainedOptionsBuilder opt = new OptionsBuilder()
                .include(SgemmBenchmark.class.getName() + "\\.(" + methods + ")$")
                .param("shape", shapes);
        if (quick) {
            opt.warmupIterations(4).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        List<String> lines = new ArrayList<>();
        for (RunResult r : new Runner(opt.build()).run()) {
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            String label = method.equals("openblas") ? openblasLabel : method;
            String shape = r.getParams().getParam("shape");
            double medianUs = r.getPrimaryResult().getStatistics().getPercentile(50);
            double gflops = Shape.parse(shape).flops() / (medianUs * 1e3);
            lines.add(label + "\t" + shape + "\t" + gflops);
        }
        return lines;
    }

    private static List<String[]> tsv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            rows.add(line.split("\t"));
        }
        return rows;
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
                cpu(), Runtime.version(), Gemm.implementation()));
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

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.replaceFirst(".*:\\s*", "") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
