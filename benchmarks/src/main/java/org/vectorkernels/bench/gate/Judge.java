package org.vectorkernels.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vectorkernels.bench.report.JmhResult;

/**
 * The verdicts: each figure's candidate ÷ base ratio of median times, measured in the same run,
 * against its threshold; a slowdown past it fails only when the rank test agrees that the
 * candidate's iterations are slower than the base's (p below {@link #ALPHA}).
 */
final class Judge {
    private Judge() {}

    /** The one-sided significance a regression (or an improvement) must reach besides its threshold. */
    static final double ALPHA = 0.01;

    enum Verdict { OK, FASTER, REGRESSION, NEW, BROKEN }

    /** Per-iteration times in seconds per operation, every fork of one side pooled; peak: the JVM's FMA peak. */
    record Samples(double[] seconds, double[] peakGflops) {
        static final Samples NONE = new Samples(new double[0], new double[0]);

        /** The samples of one JMH result: its raw iterations and PeakProbe's figure (its last iteration's; 0 in the others), if it has one. */
        static Samples of(JmhResult r) {
            double[] peaks = r.secondary().getOrDefault("peakGflops", new double[0]);
            return new Samples(r.rawSeconds(), java.util.Arrays.stream(peaks).filter(p -> p > 0).toArray());
        }

        boolean isEmpty() {
            return seconds.length == 0;
        }

        double median() {
            return JmhResult.median(seconds);
        }
    }

    record Row(Figure figure, Samples base, Samples candidate, double ratio, double pSlower, double threshold, Verdict verdict) {}

    static List<Row> judge(List<Figure> figures, Map<Figure, Samples> base, Map<Figure, Samples> candidate, GateFile gate) {
        List<Row> rows = new ArrayList<>();
        for (Figure f : figures) {
            Samples b = base.getOrDefault(f, Samples.NONE), c = candidate.getOrDefault(f, Samples.NONE);
            double ratio = c.median() / b.median();
            double pSlower = Stats.pGreater(c.seconds(), b.seconds());
            double pFaster = Stats.pGreater(b.seconds(), c.seconds());
            double t = gate.threshold(f.id());
            Verdict v;
            if (c.isEmpty()) {
                v = Verdict.BROKEN;
            } else if (b.isEmpty()) {
                v = Verdict.NEW;
            } else if (ratio > 1 + t && pSlower < ALPHA) {
                v = Verdict.REGRESSION;
            } else if (ratio < 1 / (1 + t) && pFaster < ALPHA) {
                v = Verdict.FASTER;
            } else {
                v = Verdict.OK;
            }
            rows.add(new Row(f, b, c, ratio, pSlower, t, v));
        }
        return rows;
    }

    /**
     * The pooled rows, with a regression that the pairs measured again do not show on their own
     * ({@code again}: those pairs alone, judged) turned into OK. The rank test pools iterations, which
     * share their fork's state (on this project's VM, which vCPU it ran on), so it can be sure of a
     * difference between forks that is not the code's; a real slowdown shows in both measurements.
     */
    static List<Row> confirmed(List<Row> pooled, List<Row> again) {
        List<Row> rows = new ArrayList<>();
        for (Row r : pooled) {
            Row a = again.stream().filter(x -> x.figure().equals(r.figure())).findFirst().orElse(null);
            boolean unconfirmed = r.verdict() == Verdict.REGRESSION && a != null && !(a.ratio() > 1 + a.threshold());
            if (unconfirmed) {
                System.out.printf(Locale.ROOT, "perf-gate: %s: %.3f pooled, but %.3f in the pairs measured again alone: not failed%n",
                        r.figure().id(), r.ratio(), a.ratio());
            }
            rows.add(unconfirmed ? new Row(r.figure(), r.base(), r.candidate(), r.ratio(), r.pSlower(), r.threshold(), Verdict.OK) : r);
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | base µs | candidate µs | candidate ÷ base | p (slower) | threshold | candidate rate | ÷ FMA peak | verdict |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Figure f = r.figure();
            double cs = r.candidate().median();
            double peak = f.peakOf(JmhResult.median(r.candidate().peakGflops()));
            String ofPeak = f.rateUnit().equals("GFLOP/s") && !Double.isNaN(peak) ? fmt("%.2f", f.rate(cs) / peak) : "–";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f%% | %s | %s | %s |%n", f.id(),
                    fmt("%.1f", r.base().median() * 1e6), fmt("%.1f", cs * 1e6), fmt("%.3f", r.ratio()),
                    r.base().isEmpty() || r.candidate().isEmpty() ? "–" : fmt("%.1g", r.pSlower()), 100 * r.threshold(),
                    Double.isNaN(cs) ? "–" : fmt("%.1f ", f.rate(cs)) + f.rateUnit(), ofPeak, r.verdict()));
        }
        return sb.toString();
    }

    /** A number, or "–" where it is not one. */
    private static String fmt(String format, double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, format, v);
    }
}
