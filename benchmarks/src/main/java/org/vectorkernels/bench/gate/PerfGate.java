package org.vectorkernels.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.vectorkernels.Gemm;
import org.vectorkernels.bench.gate.Check.Probe;
import org.vectorkernels.bench.gate.Judge.Measured;
import org.vectorkernels.bench.gate.Judge.Row;
import org.vectorkernels.bench.report.JmhResult;
import org.vectorkernels.bench.report.Machine;

/**
 * The performance-regression gate behind {@code benchmarks/perf-gate}: runs the JMH benchmarks
 * of {@link Check#suite()}, turns them into ratios measured in the same run, and compares each
 * with {@code baseline.json}. A figure that looks slower is measured again (noise on a shared
 * machine only ever slows things down, so the best attempt counts); one still below the baseline
 * by more than the tolerance fails the gate, with exit status 1.
 *
 * <pre>
 * PerfGate [--quick] [--update-baseline [--repeat N]] [--only REGEX] [--jvm-arg ARG]...
 *          [--baseline FILE] [--out DIR] [--judge JMH.json...]
 * </pre>
 * {@code --update-baseline} stores each figure's median over N runs (default 5).
 * {@code --only} keeps the figures whose id matches; {@code --jvm-arg} goes to every benchmark JVM
 * (how a slowdown is planted, e.g. {@code -Dvectorkernels.scalar=true}); {@code --judge} skips
 * running and judges JMH JSON files written elsewhere.
 */
public final class PerfGate {
    private final boolean quick, update;
    private final Pattern only;
    private final List<String> jvmArgs;
    private final Path baselineFile, out;
    private final List<Path> judgeFiles;
    private final int repeat;
    private int runs;

    private PerfGate(boolean quick, boolean update, Pattern only, List<String> jvmArgs, Path baselineFile, Path out,
                     List<Path> judgeFiles, int repeat) {
        this.repeat = repeat;
        this.quick = quick;
        this.update = update;
        this.only = only;
        this.jvmArgs = jvmArgs;
        this.baselineFile = baselineFile;
        this.out = out;
        this.judgeFiles = judgeFiles;
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = parse(args).run();
        } catch (IllegalArgumentException e) {
            System.err.println("perf-gate: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static PerfGate parse(String[] args) {
        boolean quick = false, update = false;
        int repeat = 5;
        Pattern only = Pattern.compile(".*");
        List<String> jvmArgs = new ArrayList<>();
        List<Path> judge = new ArrayList<>();
        Path baseline = Path.of("baseline.json"), out = Path.of("target", "gate");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--update-baseline" -> update = true;
                case "--only" -> only = Pattern.compile(value(args, ++i, a));
                case "--jvm-arg" -> jvmArgs.add(value(args, ++i, a));
                case "--baseline" -> baseline = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--repeat" -> repeat = positive(value(args, ++i, a), a);
                case "--judge" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        judge.add(Path.of(args[++i]));
                    }
                    if (judge.isEmpty()) {
                        throw new IllegalArgumentException("--judge needs JMH JSON files");
                    }
                }
                default -> {
                    if (a.startsWith("--jvm-arg=")) {
                        jvmArgs.add(a.substring("--jvm-arg=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + a + "; usage: perf-gate [--quick] "
                                + "[--update-baseline [--repeat N]] [--only REGEX] [--jvm-arg ARG]... [--baseline FILE] [--out DIR] "
                                + "[--judge JMH.json...]");
                    }
                }
            }
        }
        return new PerfGate(quick, update, only, jvmArgs, baseline, out, judge, repeat);
    }

    private static int positive(String v, String name) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a positive number, not " + v);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** 0: every figure within tolerance; 1: a regression. */
    int run() throws IOException, RunnerException {
        List<Check> checks = Check.suite().stream().filter(c -> only.matcher(c.id()).find()).toList();
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + " matches no figure; figures: "
                    + Check.suite().stream().map(Check::id).collect(Collectors.joining("; ")));
        }
        Baseline baseline = update ? null : Baseline.read(baselineFile);
        System.out.printf("perf-gate: %s mode, %s, JDK %s, %s%s%n", quick ? "quick" : "full", Machine.cpu(), Machine.jdk(),
                Gemm.implementation(), jvmArgs.isEmpty() ? "" : ", benchmark JVMs given " + jvmArgs);
        if (update) {
            writeBaseline(medianOfRuns(checks));
            return 0;
        }
        Map<String, Measured> best = measure(checks);
        List<Row> rows = Judge.judge(best, baseline);
        for (int retry = 0; retry < (quick ? 2 : 1) && judgeFiles.isEmpty(); retry++) {
            List<Check> slower = slower(rows, checks);
            if (slower.isEmpty()) {
                break;
            }
            System.out.println("perf-gate: measuring again what looks slower: "
                    + slower.stream().map(Check::id).collect(Collectors.joining("; ")));
            measure(slower).forEach((id, m) -> best.merge(id, m, (x, y) -> x.value() >= y.value() ? x : y));
            rows = Judge.judge(best, baseline);
        }
        System.out.println();
        System.out.print(Judge.table(rows));
        List<Row> regressions = rows.stream().filter(r -> r.verdict() == Judge.Verdict.REGRESSION).toList();
        Set<String> cpus = baseline.byId.values().stream().map(Baseline.Entry::cpu).collect(Collectors.toSet());
        if (!cpus.contains(Machine.cpu())) {
            System.out.println("perf-gate: note: the baseline was measured on " + cpus + ", this is " + Machine.cpu()
                    + "; measure a baseline on this kind of machine (--update-baseline) before trusting the verdicts");
        }
        if (regressions.isEmpty()) {
            System.out.println("perf-gate: PASS, every figure within its tolerance of the baseline");
            return 0;
        }
        for (Row r : regressions) {
            System.out.printf("perf-gate: FAIL %s (%s %s): %.3f against baseline %.3f, %+.1f%% (tolerance %.0f%%)%n",
                    r.id(), r.bench(), r.shape(), r.now(), r.baseline(), 100 * r.change(), 100 * r.tolerance());
        }
        return 1;
    }

    /** The baseline: each figure's median over {@code repeat} runs, so one disturbed run does not set it. */
    private Map<String, Measured> medianOfRuns(List<Check> checks) throws IOException, RunnerException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < (judgeFiles.isEmpty() ? repeat : 1); i++) {
            measure(checks).forEach((id, m) -> values.computeIfAbsent(id, k -> new ArrayList<>()).add(m.value()));
        }
        Map<String, Measured> medians = new LinkedHashMap<>();
        for (Check c : checks) {
            List<Double> v = values.get(c.id());
            if (v != null) {
                v.sort(null);
                int n = v.size();
                medians.put(c.id(), new Measured(c, n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2));
                System.out.println("perf-gate: " + c.id() + " over " + n + " runs: " + v);
            }
        }
        return medians;
    }

    private static List<Check> slower(List<Row> rows, List<Check> checks) {
        Set<String> ids = rows.stream().filter(r -> r.verdict() == Judge.Verdict.REGRESSION).map(Row::id)
                .collect(Collectors.toSet());
        return checks.stream().filter(c -> ids.contains(c.id())).toList();
    }

    /** Runs (or reads) what the checks need and computes each figure. */
    private Map<String, Measured> measure(List<Check> checks) throws IOException, RunnerException {
        Map<Probe, JmhResult> results = judgeFiles.isEmpty() ? runProbes(checks) : read(judgeFiles);
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Check c : checks) {
            if (results.keySet().containsAll(c.probes())) {
                measured.put(c.id(), new Measured(c, c.value().applyAsDouble(results)));
            } else if (!judgeFiles.isEmpty()) {
                System.out.println("perf-gate: the JSON files do not have everything for " + c.id() + "; skipped");
            } else {
                throw new IllegalStateException("JMH gave no result for part of " + c.id());
            }
        }
        return measured;
    }

    private Map<Probe, JmhResult> runProbes(List<Check> checks) throws IOException, RunnerException {
        Set<Probe> probes = new LinkedHashSet<>();
        checks.forEach(c -> probes.addAll(c.probes()));
        // One JMH run per class and shape: the shape is a parameter of the run.
        Map<String, List<Probe>> groups = probes.stream().collect(Collectors.groupingBy(
                p -> p.className() + " " + p.shape(), LinkedHashMap::new, Collectors.toList()));
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (List<Probe> group : groups.values()) {
            Probe first = group.get(0);
            String methods = group.stream().map(Probe::method).distinct().collect(Collectors.joining("|"));
            Path json = out.resolve(String.format("run-%02d.json", ++runs));
            System.out.printf("perf-gate: %s.(%s)%s ...%n", first.className(), methods,
                    first.shape() == null ? "" : " shape=" + first.shape());
            ChainedOptionsBuilder opt = new OptionsBuilder()
                    .include("\\." + first.className() + "\\.(" + methods + ")$")
                    .resultFormat(ResultFormatType.JSON).result(json.toString())
                    .verbosity(VerboseMode.SILENT).shouldFailOnError(true)
                    .jvmArgsPrepend(jvmArgs.toArray(String[]::new));
            if (first.shape() != null) {
                opt.param("shape", first.shape());
            }
            if (quick) {
                opt.forks(1).warmupIterations(3).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(5).measurementTime(TimeValue.milliseconds(500));
            } else {
                opt.forks(2).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(6).measurementTime(TimeValue.seconds(1));
            }
            new Runner(opt.build()).run();
            files.add(json);
        }
        return read(files);
    }

    private static Map<Probe, JmhResult> read(List<Path> files) throws IOException {
        Map<Probe, JmhResult> results = new LinkedHashMap<>();
        for (Path f : files) {
            for (JmhResult r : JmhResult.read(f)) {
                String shape = r.params().get("shape");
                results.put(new Probe(r.className(), r.benchmark(), shape), r);
            }
        }
        return results;
    }

    private void writeBaseline(Map<String, Measured> now) throws IOException {
        double tolerance = Baseline.DEFAULT_TOLERANCE;
        String basis = Baseline.DEFAULT_BASIS;
        // Figures not measured now (--only) keep their old entries.
        Map<String, Baseline.Entry> entries = new LinkedHashMap<>();
        if (Files.exists(baselineFile)) {
            Baseline old = Baseline.read(baselineFile);
            tolerance = old.tolerance;
            basis = old.toleranceBasis;
            entries.putAll(old.byId);
        }
        String date = LocalDate.now().toString(), cpu = Machine.cpu(), jdk = Machine.jdk();
        for (Measured m : now.values()) {
            Check c = m.check();
            Baseline.Entry old = entries.get(c.id());
            entries.put(c.id(), new Baseline.Entry(c.id(), c.bench(), c.shape(), m.value(), quick ? "quick" : "full",
                    date, cpu, jdk, old == null ? null : old.tolerance()));
        }
        Baseline.write(baselineFile, tolerance, basis, new ArrayList<>(entries.values()));
        System.out.println();
        for (Baseline.Entry e : entries.values()) {
            System.out.printf("%-50s %.3f%n", e.id(), e.value());
        }
        System.out.println("perf-gate: wrote " + baselineFile.toAbsolutePath());
    }
}
