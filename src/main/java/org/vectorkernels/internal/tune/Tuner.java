package org.vectorkernels.internal.tune;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.config.Profile;

/**
 * The search {@code tune} runs, one thread, in this JVM (each candidate is a plan of its own, so
 * no JVM per candidate): the starting profile and the shipped ones for this vector width; every
 * generated tile in both layouts of packed A; KC and MC around the best; the edge and wide
 * kernels on and off; then the best few measured again, alternating with the starting profile,
 * and the one with the highest median geometric mean of GFLOP/s over the shapes wins. A
 * candidate must beat the start by {@link #MARGIN} to replace it. The stages share the budget:
 * each measurement is sized so that all of them fit, and a stage that runs out of time stops
 * early, leaving time for the final rounds.
 */
final class Tuner {
    /** How much better than the starting profile a winner must be: less is within this VM's noise. */
    static final double MARGIN = 1.01;
    static final int[] KCS = {256, 384, 512, 768, 1024};
    static final int[] MCS = {64, 128, 256};
    private static final int FINALISTS = 3, FINAL_ROUNDS = 3;

    /** One candidate's figures: GFLOP/s per shape, and their geometric mean. */
    record Result(Profile profile, double[] gflops, double score) {}

    private final Bench bench;
    private final Function<Profile, Kernels> kernels;
    private final Predicate<Profile> runs;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final long budget;
    private long nanosPerShape;
    private final Map<String, Result> results = new LinkedHashMap<>();

    Tuner(Bench bench, Function<Profile, Kernels> kernels, Predicate<Profile> runs, long budgetNanos, PrintStream out) {
        this.bench = bench;
        this.kernels = kernels;
        this.runs = runs;
        this.budget = budgetNanos;
        this.out = out;
    }

    /** The winner, and every candidate measured, the starting one first. */
    List<Result> run(Profile base, List<Profile> seeds, List<int[]> tiles) {
        List<Profile> tileCandidates = new ArrayList<>();
        for (int[] t : tiles) {
            for (boolean interleaved : new boolean[] {true, false}) {
                tileCandidates.add(with(base, t[0], t[1], base.kc(), base.mc(), interleaved, base.narrowEdge(), base.wideTile()));
            }
        }
        int evaluations = 2 + seeds.size() + tileCandidates.size() + KCS.length * MCS.length + 4 + FINALISTS * FINAL_ROUNDS + FINAL_ROUNDS;
        // Measurements take about 1.25 times the time they are given (calls run past their slice, JIT).
        nanosPerShape = Math.max(1_000_000, (long) (budget / 1.25 / evaluations / bench.shapes().size()));
        out.printf(Locale.ROOT, "tune: about %d measurements of %.0f ms per shape on %s%n", evaluations,
                nanosPerShape / 1e6, bench.shapes());
        // The first calls run interpreted and in C1, and C2 compiles the shared loops: warm up before anything counts.
        long warmUp = Math.max(1_000_000_000L, budget / 30);
        out.printf(Locale.ROOT, "tune: warming up for %.1f s%n", warmUp / 1e9);
        bench.measure(kernels.apply(base), warmUp / bench.shapes().size());
        Result startResult = measure(base, "start");
        Result best = startResult;
        for (Profile p : seeds) {
            best = better(best, measureIfTime(p, "shipped", 0.9));
        }
        Profile bestSoFar = best.profile();
        for (Profile p : tileCandidates) {
            best = better(best, measureIfTime(p, "tile", 0.55));
        }
        Profile tiled = best.profile();
        for (int kc : KCS) {
            for (int mc : MCS) {
                best = better(best, measureIfTime(with(tiled, tiled.mr(), tiled.nv(), kc, mc, tiled.interleavedA(),
                        tiled.narrowEdge(), tiled.wideTile()), "blocks", 0.75));
            }
        }
        Profile blocked = best.profile();
        for (boolean narrow : new boolean[] {false, true}) {
            for (boolean wide : new boolean[] {false, true}) {
                best = better(best, measureIfTime(with(blocked, blocked.mr(), blocked.nv(), blocked.kc(), blocked.mc(),
                        blocked.interleavedA(), narrow, wide), "edges", 0.8));
            }
        }
        Result winner = finalRounds(startResult, bestSoFar);
        List<Result> all = new ArrayList<>(results.values());
        all.remove(winner);
        all.add(0, winner);
        return all;
    }

    /** The best few measured again, alternating with the start; the highest median wins if it beats the start by MARGIN. */
    private Result finalRounds(Result startResult, Profile bestSeed) {
        List<Result> ranked = new ArrayList<>(results.values());
        ranked.sort(Comparator.comparingDouble(Result::score).reversed());
        List<Profile> finalists = new ArrayList<>();
        finalists.add(startResult.profile());
        for (Result r : ranked) {
            if (finalists.size() > FINALISTS) {
                break;
            }
            if (!key(r.profile()).equals(key(startResult.profile()))) {
                finalists.add(r.profile());
            }
        }
        if (!finalists.contains(bestSeed)) {
            finalists.add(bestSeed);
        }
        Map<Profile, List<double[]>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < FINAL_ROUNDS && !pastBudget(1.0); round++) {
            for (Profile p : finalists) {
                double[] g = bench.measure(kernels.apply(p), nanosPerShape);
                rounds.computeIfAbsent(p, x -> new ArrayList<>()).add(g);
                out.printf(Locale.ROOT, "tune: %5.1f s final round %d  %-44s %s  geomean %6.1f%n", elapsed(), round + 1,
                        label(p), Bench.format(g), Bench.geometricMean(g));
            }
        }
        for (Map.Entry<Profile, List<double[]>> e : rounds.entrySet()) { // the finalists' figures are their medians
            results.put(key(e.getKey()), new Result(e.getKey(), medians(e.getValue()), median(e.getValue())));
        }
        Result start = results.get(key(startResult.profile())), winner = start;
        for (Profile p : rounds.keySet()) {
            Result r = results.get(key(p));
            if (r.score() > winner.score() && r.score() > start.score() * MARGIN) {
                winner = r;
            }
        }
        return winner;
    }

    private Result measureIfTime(Profile p, String stage, double budgetShare) {
        if (!runs.test(p) || results.containsKey(key(p)) || pastBudget(budgetShare)) {
            return null;
        }
        return measure(p, stage);
    }

    private Result measure(Profile p, String stage) {
        double[] g = bench.measure(kernels.apply(p), nanosPerShape);
        Result r = new Result(p, g, Bench.geometricMean(g));
        results.put(key(p), r);
        out.printf(Locale.ROOT, "tune: %5.1f s %-6s %-44s %s  geomean %6.1f%n", elapsed(), stage, label(p), Bench.format(g), r.score());
        return r;
    }

    private boolean pastBudget(double share) {
        return System.nanoTime() - start > budget * share;
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Result better(Result best, Result candidate) {
        return candidate != null && candidate.score() > best.score() ? candidate : best;
    }

    /** {@code base} with another tile, blocks or flags; NC keeps base's block of B (kc·nc floats). */
    static Profile with(Profile base, int mr, int nv, int kc, int mc, boolean interleaved, boolean narrow, boolean wide) {
        long bBlock = (long) base.kc() * base.nc();
        int nc = (int) Math.max(64, Math.min(Profile.MAX_NC, bBlock / kc / 64 * 64));
        return new Profile("candidate", mr, nv, kc, mc, nc, "tune", base.splitMinVolume(), narrow, interleaved, wide);
    }

    static String key(Profile p) {
        return p.mr() + "x" + p.nv() + " " + p.kc() + " " + p.mc() + " " + p.nc() + " " + p.interleavedA() + " "
                + p.narrowEdge() + " " + p.wideTile();
    }

    /** For example "8x2 interleaved KC=1024 MC=128 NC=2048 edge wide". */
    static String label(Profile p) {
        return String.format(Locale.ROOT, "%dx%d %s KC=%d MC=%d NC=%d%s%s", p.mr(), p.nv(), p.interleavedA() ? "interleaved" : "rows",
                p.kc(), p.mc(), p.nc(), p.narrowEdge() ? " edge" : "", p.wideTile() ? " wide" : "");
    }

    private static double median(List<double[]> rounds) {
        double[] scores = rounds.stream().mapToDouble(Bench::geometricMean).sorted().toArray();
        return scores[scores.length / 2];
    }

    private static double[] medians(List<double[]> rounds) {
        int shapes = rounds.get(0).length;
        double[] m = new double[shapes];
        for (int s = 0; s < shapes; s++) {
            final int i = s;
            double[] v = rounds.stream().mapToDouble(g -> g[i]).sorted().toArray();
            m[s] = v[v.length / 2];
        }
        return m;
    }
}
