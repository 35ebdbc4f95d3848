package org.vectorkernels.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figures measured now against the baseline: one verdict each, and the table the gate prints. */
final class Judge {
    private Judge() {}

    enum Verdict { OK, FASTER, REGRESSION, NEW }

    record Row(String id, String bench, String shape, double baseline, double now, double tolerance, Verdict verdict) {
        double change() {
            return now / baseline - 1;
        }
    }

    static List<Row> judge(Map<String, Measured> now, Baseline baseline) {
        List<Row> rows = new ArrayList<>();
        for (Measured m : now.values()) {
            Baseline.Entry b = baseline.byId.get(m.check().id());
            double base = b == null ? Double.NaN : b.value();
            double tolerance = baseline.tolerance(m.check().id());
            Verdict v;
            if (b == null) {
                v = Verdict.NEW;
            } else if (!(m.value() >= base * (1 - tolerance))) { // NaN counts as a regression
                v = Verdict.REGRESSION;
            } else if (m.value() > base * (1 + tolerance)) {
                v = Verdict.FASTER;
            } else {
                v = Verdict.OK;
            }
            rows.add(new Row(m.check().id(), m.check().bench(), m.check().shape(), base, m.value(), tolerance, v));
        }
        return rows;
    }

    /** A figure's value now. */
    record Measured(Check check, double value) {}

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | benchmark | shape | baseline | now | change | tolerance | verdict |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %s | %.0f%% | %s |%n", r.id(), r.bench(),
                    r.shape(), Double.isNaN(r.baseline()) ? "–" : String.format(Locale.ROOT, "%.3f", r.baseline()), r.now(),
                    Double.isNaN(r.baseline()) ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.change()),
                    100 * r.tolerance(), r.verdict()));
        }
        return sb.toString();
    }
}
