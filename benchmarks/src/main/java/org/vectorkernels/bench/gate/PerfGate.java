package org.vectorkernels.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.vectorkernels.bench.gate.Judge.Row;
import org.vectorkernels.bench.gate.Judge.Samples;
import org.vectorkernels.bench.gate.Judge.Verdict;
import org.vectorkernels.bench.report.JmhResult;
import org.vectorkernels.bench.report.Machine;

/**
 * The performance-regression gate behind {@code benchmarks/perf-gate}: builds the library of the
 * base commit named in {@code baseline.json} (or {@code --base}), runs the gate's benchmarks on it
 * and on the candidate in the same run, interleaved ({@link AbRun}), and judges each figure by the
 * candidate ÷ base ratio of median times ({@link Judge}). A figure that looks slower gets as many
 * pairs of forks again; it fails only if the pooled forks say so and the new pairs alone are slower
 * past the threshold too ({@link Judge#confirmed}).
 *
 * <pre>
 * PerfGate [--quick] [--base REF] [--candidate REF | --candidate-jar JAR] [--only REGEX] [--pairs N]
 *          [--jvm-arg ARG]... [--gate-file FILE] [--out DIR] [--record FILE]
 * PerfGate --accept REF [--gate-file FILE]
 * </pre>
 * Exit status: 0 pass; 1 a regression; 2 bad usage; 3 the base is not in this clone; 4 the base
 * does not build; 5 the candidate does not build or fails a benchmark.
 */
public final class PerfGate {
    private static final String USAGE = "usage: perf-gate [--quick] [--base REF] [--candidate REF | --candidate-jar JAR] "
            + "[--only REGEX] [--pairs N] [--jvm-arg ARG]... [--gate-file FILE] [--out DIR] [--record FILE] | "
            + "perf-gate --accept REF";

    boolean quick;
    String baseRef, candidateRef, acceptRef;
    Path candidateJar, gateFile = Path.of("baseline.json"), out = Path.of("target", "gate"), record;
    Pattern only = Pattern.compile(".*");
    int pairs;
    final List<String> jvmArgs = new ArrayList<>();

    public static void main(String[] args) {
        int status;
        try {
            status = parse(args).run();
        } catch (GateException e) {
            System.out.println("perf-gate: " + e.getMessage());
            status = e.status;
        } catch (IOException | RuntimeException e) {
            e.printStackTrace(System.out);
            System.out.println("perf-gate: failed: " + e);
            status = GateException.CANDIDATE_BROKEN;
        }
        // Maven's exec plugin turns any failure into its own exit status 1: the wrapper script reads the real one here.
        String statusFile = System.getProperty("perfgate.statusFile");
        if (statusFile != null) {
            try {
                Files.writeString(Path.of(statusFile), status + "\n");
                status = 0;
            } catch (IOException e) {
                System.out.println("perf-gate: cannot write " + statusFile + ": " + e);
            }
        }
        System.exit(status);
    }

    static PerfGate parse(String[] args) {
        PerfGate g = new PerfGate();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> g.quick = true;
                case "--base" -> g.baseRef = value(args, ++i, a);
                case "--candidate" -> g.candidateRef = value(args, ++i, a);
                case "--candidate-jar" -> g.candidateJar = given(value(args, ++i, a));
                case "--accept" -> g.acceptRef = value(args, ++i, a);
                case "--only" -> g.only = regex(value(args, ++i, a));
                case "--pairs" -> g.pairs = positive(value(args, ++i, a), a);
                case "--jvm-arg" -> g.jvmArgs.add(value(args, ++i, a));
                case "--gate-file" -> g.gateFile = given(value(args, ++i, a));
                case "--out" -> g.out = given(value(args, ++i, a));
                case "--record" -> g.record = given(value(args, ++i, a));
                default -> throw GateException.usage("unknown argument " + a + "; " + USAGE);
            }
        }
        if (g.candidateRef != null && g.candidateJar != null) {
            throw GateException.usage("give --candidate or --candidate-jar, not both");
        }
        if (g.acceptRef == null && g.candidateRef == null && g.candidateJar == null) {
            throw GateException.usage("no candidate: --candidate REF or --candidate-jar JAR (the wrapper script passes the work tree's jar)");
        }
        return g;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw GateException.usage(name + " needs a value");
        }
        return args[i];
    }

    /** A path from the command line: relative to where the command was run (the wrapper script says where), not to this JVM's folder. */
    private static Path given(String v) {
        return Path.of(System.getProperty("perfgate.cwd", "")).resolve(v);
    }

    private static Pattern regex(String v) {
        try {
            return Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            throw GateException.usage("--only " + v + " is not a regular expression: " + e.getDescription());
        }
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
        throw GateException.usage(name + " needs a positive number, not " + v);
    }

    int run() throws IOException {
        GateFile gate = GateFile.read(gateFile);
        CommitBuild builds = CommitBuild.maven(CommitBuild.toplevel(Path.of("")), out.resolve("jars"));
        if (acceptRef != null) {
            String sha = builds.resolve(acceptRef, "commit to accept");
            gate.accept(gateFile, sha, LocalDate.now().toString());
            System.out.println("perf-gate: the base is now " + sha + "; commit " + gateFile + " to make it so");
            return 0;
        }
        List<Figure> figures = Figure.suite().stream().filter(f -> only.matcher(f.id()).find()).toList();
        if (figures.isEmpty()) {
            throw GateException.usage("--only " + only + " matches no figure; figures: "
                    + Figure.suite().stream().map(Figure::id).collect(Collectors.joining("; ")));
        }
        String base = builds.resolve(baseRef != null ? baseRef : gate.json.base, "base");
        String candidate = candidateRef == null ? null : builds.resolve(candidateRef, "candidate");
        Path baseJar = builds.jar(base, "base", GateException.BASE_BUILD);
        Path candJar = candidate != null ? builds.jar(candidate, "candidate", GateException.CANDIDATE_BROKEN) : candidateJar;
        if (!Files.isRegularFile(candJar)) {
            throw GateException.usage("--candidate-jar " + candJar + " is not a file");
        }
        AbRun.Settings settings = quick ? AbRun.Settings.QUICK : AbRun.Settings.FULL;
        if (pairs > 0) {
            settings = new AbRun.Settings(pairs, settings.warmups(), settings.warmupTime(), settings.iterations(),
                    settings.iterationTime());
        }
        System.out.printf("perf-gate: %s mode, %s, JDK %s; base %s, candidate %s; %d pairs of forks per figure%s%n",
                quick ? "quick" : "full", Machine.cpu(), Machine.jdk(), base.substring(0, 10),
                candidate != null ? candidate.substring(0, 10) : candJar, settings.pairs(),
                jvmArgs.isEmpty() ? "" : ", benchmark JVMs given " + jvmArgs);
        AbRun ab = new AbRun(settings, jvmArgs, out);
        List<Map<Figure, Samples>> sides = ab.run(figures, baseJar, candJar);
        List<Row> rows = Judge.judge(figures, sides.get(0), sides.get(1), gate);
        // Every slowdown is measured again before it fails: on Zen 5 a burst of noise during one pair
        // made an A/A run fail at 1.229, past twice the threshold, with p = 0.002 (docs/perf-gate.md),
        // and the vCPU a fork runs on moves sumRows by ±25% for the whole fork (pooled p = 0.009 in CI).
        List<Figure> again = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).map(Row::figure).toList();
        if (!again.isEmpty()) {
            System.out.println("perf-gate: measuring again what looks slower: "
                    + again.stream().map(Figure::id).collect(Collectors.joining("; ")));
            List<Map<Figure, Samples>> more = new AbRun(settings, jvmArgs, out.resolve("again")).run(again, baseJar, candJar);
            List<Row> alone = Judge.judge(again, more.get(0), more.get(1), gate);
            for (int side = 0; side < 2; side++) {
                Map<Figure, Samples> pooled = sides.get(side);
                more.get(side).forEach((f, s) -> pooled.merge(f, s, AbRun::pool));
            }
            rows = Judge.confirmed(Judge.judge(figures, sides.get(0), sides.get(1), gate), alone);
        }
        int status = report(rows);
        if (record != null) {
            record(rows, candidate != null ? candidate : "work tree at " + builds.git("rev-parse", "HEAD").output().trim());
        }
        return status;
    }

    /** Prints the table and the verdict lines; the exit status. */
    static int report(List<Row> rows) {
        System.out.println();
        System.out.print(Judge.table(rows));
        rows.stream().filter(r -> !Double.isNaN(r.ratio())).max(Comparator.comparingDouble(Row::ratio))
                .ifPresent(r -> System.out.printf(Locale.ROOT, "perf-gate: worst ratio candidate ÷ base: %.3f (%s)%n",
                        r.ratio(), r.figure().id()));
        for (Row r : rows) {
            switch (r.verdict()) {
                case NEW -> System.out.println("perf-gate: NEW " + r.figure().id() + ": does not run on the base, not judged");
                case BROKEN -> System.out.println("perf-gate: BROKEN " + r.figure().id() + ": does not run on the candidate");
                case REGRESSION -> System.out.printf(Locale.ROOT,
                        "perf-gate: FAIL %s: candidate ÷ base time %.3f, %+.1f%% (threshold %.0f%%, p = %.1g)%n",
                        r.figure().id(), r.ratio(), 100 * (r.ratio() - 1), 100 * r.threshold(), r.pSlower());
                default -> { }
            }
        }
        if (rows.stream().anyMatch(r -> r.verdict() == Verdict.BROKEN)) {
            return GateException.CANDIDATE_BROKEN;
        }
        if (rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION)) {
            return GateException.REGRESSION;
        }
        System.out.println("perf-gate: PASS, no figure slower than the base beyond its threshold");
        return 0;
    }

    /** Appends the candidate's absolute figures on this CPU to the history file, one JSON line a run. */
    private void record(List<Row> rows, String candidate) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"date\": \"%s\", \"cpu\": \"%s\", \"cpuKey\": \"%s\", \"jdk\": \"%s\", \"commit\": \"%s\", \"figures\": {",
                LocalDate.now(), Machine.cpu(), Machine.cpuKey(), Machine.jdk(), candidate));
        String sep = "";
        for (Row r : rows) {
            double s = r.candidate().median();
            if (!Double.isNaN(s)) {
                double peak = r.figure().peakOf(JmhResult.median(r.candidate().peakGflops()));
                sb.append(String.format(Locale.ROOT, "%s\"%s\": {\"rate\": %.2f, \"unit\": \"%s\", \"peakGflops\": %s}", sep,
                        r.figure().id(), r.figure().rate(s), r.figure().rateUnit(),
                        Double.isNaN(peak) ? "null" : String.format(Locale.ROOT, "%.1f", peak)));
                sep = ", ";
            }
        }
        sb.append("}}\n");
        Files.writeString(record, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("perf-gate: recorded the candidate's figures in " + record);
    }
}
