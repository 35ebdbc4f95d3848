package org.vectorkernels.internal.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.config.Cpu;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.config.Profiles;
import org.vectorkernels.internal.config.TunedProfiles;
import org.vectorkernels.internal.panama.PanamaKernels;
import org.vectorkernels.internal.threads.Threads;

/**
 * {@code tune [--budget 120s] [--shapes 64,256,1024,256x784x512] [--precision float|double] [--dry-run]}: measures the
 * candidate tiles and blocks on this machine ({@link Tuner}), prints them beside the profile this
 * machine gets without tuning, and writes the winner where the library looks for it at start-up
 * ({@link TunedProfiles}), unless {@code --dry-run}. One thread; about the budget in time.
 */
final class TuneCommand {
    static final String USAGE = "tune [--budget 120s] [--shapes 64,256,1024,256x784x512] [--precision float|double] [--dry-run]";
    static final List<String> DEFAULT_SHAPES = List.of("64", "256", "1024", "256x784x512");

    private TuneCommand() {}

    /** Returns the exit status: 0 done, 2 bad usage, 1 the winner could not be written. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        long budget = 120_000_000_000L;
        List<String> shapes = DEFAULT_SHAPES;
        boolean dryRun = false, doubles = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--budget" -> budget = seconds(value(args, ++i, a));
                    case "--shapes" -> shapes = List.of(value(args, ++i, a).split(","));
                    case "--dry-run" -> dryRun = true;
                    case "--precision" -> doubles = switch (value(args, ++i, a)) {
                        case "float" -> false;
                        case "double" -> true;
                        default -> throw new IllegalArgumentException("--precision is float or double, not " + args.get(i));
                    };
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            shapes.forEach(Bench.Shape::parse);
        } catch (IllegalArgumentException e) {
            err.println("tune: " + e.getMessage() + "; usage: " + USAGE);
            return 2;
        }
        Cpu cpu = Cpu.detect();
        int bits = PanamaKernels.vectorBits(), jdk = Runtime.version().feature();
        Profile untunedFloat = Profiles.untuned(bits, cpu, PanamaKernels::runs, w -> err.println("tune: " + w));
        // In double the candidates are double profiles; float keeps the profile it runs without tuning.
        Profile untuned = doubles ? Profiles.forDouble(untunedFloat) : untunedFloat;
        String precision = doubles ? "double" : "float";
        out.printf("tune: %s, %d-bit vectors, JDK %d, %s; without tuning this machine runs %s%n", cpu.describe(), bits, jdk,
                precision, untuned.describe(bits / (doubles ? Double.SIZE : Float.SIZE)));
        List<Profile> seeds = new ArrayList<>();
        for (Profile p : doubles ? Profiles.shippedDouble() : Profiles.shipped()) {
            if (p.name().endsWith("-" + bits + (doubles ? "-double" : "")) && !p.sameChoicesAs(untuned)) {
                seeds.add(p);
            }
        }
        Profile derived = doubles ? Profiles.doubleOf(Profiles.derived(bits, cpu)) : Profiles.derived(bits, cpu);
        if (!derived.sameChoicesAs(untuned)) {
            seeds.add(derived);
        }
        Bench bench = new Bench(shapes.stream().map(Bench.Shape::parse).toList(), doubles);
        int threads = Threads.count();
        List<Tuner.Result> results;
        Threads.set(1);
        try {
            Function<Profile, Kernels> kernels = doubles ? p -> new PanamaKernels(untunedFloat, p) : PanamaKernels::new;
            Predicate<Profile> runs = doubles ? PanamaKernels::runsDouble : PanamaKernels::runs;
            results = new Tuner(bench, kernels, runs, budget, out).run(untuned, seeds, tiles(bits));
        } finally {
            Threads.set(threads);
        }
        report(results, untuned, bench, out);
        Tuner.Result winner = results.get(0);
        if (dryRun) {
            out.println("tune: --dry-run, nothing written");
            return 0;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            Path file = TunedProfiles.save(winner.profile(), cpu, bits, jdk, doubles, now, String.format(Locale.ROOT,
                    "written by vector-kernels tune on %s%n%s, shapes %s, GFLOP/s %s, geometric mean %.1f (one thread)",
                    cpu.describe(), precision, bench.shapes(), Bench.format(winner.gflops()).trim(), winner.score()));
            out.println("tune: wrote " + file + "; JVMs started from now on, on this CPU and JDK, run it"
                    + " (-D" + TunedProfiles.FILE_PROPERTY + "=" + TunedProfiles.NONE + " to not)");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("tune: could not write the tuned profile: " + e);
            return 1;
        }
    }

    /**
     * The tiles worth trying: every generated one whose accumulators and operands fit the vector
     * registers (32 from 512-bit vectors on, 16 below), rows × vectors.
     */
    static List<int[]> tiles(int bits) {
        int registers = bits >= 512 ? 32 : 16;
        List<int[]> tiles = new ArrayList<>();
        for (int[] t : PanamaKernels.tiles()) {
            if (t[0] * t[1] + t[1] + 1 <= registers) {
                tiles.add(t);
            }
        }
        return tiles;
    }

    private static void report(List<Tuner.Result> results, Profile untuned, Bench bench, PrintStream out) {
        Tuner.Result winner = results.get(0);
        out.printf("%n| candidate | %s | geometric mean | ÷ without tuning |%n|---|%s---|---|%n",
                String.join(" | ", bench.shapes().stream().map(Object::toString).toList()), "---:|".repeat(bench.shapes().size()));
        Tuner.Result base = results.stream().filter(r -> r.profile().sameChoicesAs(untuned)).findFirst().orElse(winner);
        List<Tuner.Result> shown = new ArrayList<>(results);
        shown.sort((x, y) -> Double.compare(y.score(), x.score()));
        int rows = 0;
        for (Tuner.Result r : shown) {
            boolean isBase = r == base, isWinner = r == winner;
            if (rows++ >= 12 && !isBase && !isWinner) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + Tuner.label(r.profile()) + (isWinner ? " **(chosen)**" : "")
                    + (r.profile().sameChoicesAs(untuned) ? " (without tuning: " + untuned.name() + ")" : "") + " |");
            for (double g : r.gflops()) {
                row.append(String.format(Locale.ROOT, " %.1f |", g));
            }
            row.append(String.format(Locale.ROOT, " %.1f | %.3f |", r.score(), r.score() / base.score()));
            out.println(row);
        }
        out.printf(Locale.ROOT, "%ntune: chose %s, %.1f GFLOP/s geometric mean, %.3f× the profile without tuning (%s)%n",
                Tuner.label(winner.profile()), winner.score(), winner.score() / base.score(), untuned.name());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** "120s", "120" or "2m" as nanoseconds, from 1 s to a day. */
    static long seconds(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("m")) {
            unit = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * unit;
            if (v >= 1 && v <= 86_400) {
                return v * 1_000_000_000L;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--budget " + s + ": a whole number of seconds (120s) or minutes (2m), up to a day");
    }
}
