// GENERATED from src/main/java/org/vectorkernels/internal/panama/GemmSplit.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.Recycler;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * One large SGEMM cut into parts along m or along n (never k) for {@link WorkerPool}. Every part
 * runs the same path (blocked, or the single-row path) on its rows or columns, and each element
 * of C is computed by exactly one part in the same order as by the whole, so the result is
 * bitwise the same for every thread count. Rows are cut when B is the smaller operand, else
 * columns; with column sums always columns, so that each column is summed once. Each part packs
 * what it reads itself, unless the parts run as a team that packs that operand once, together
 * ({@link PackingTeam}): column parts all of a small enough A ({@link Plan#SHARE_PACKED_A}),
 * row parts each block of B ({@link Plan#SHARE_PACKED_B}). A B packed before the call is read
 * by every part as it is, and then columns are cut unless they are too few. Instances are
 * recycled from call to call ({@link Recycler}): a call allocates nothing.
 */
final class GemmSplit implements WorkerPool.Team {
    private static final Recycler<GemmSplit> POOL = new Recycler<>(GemmSplit::new);

    private GemmCall g;
    private boolean rowPath, byRows;
    private int units, parts;
    private final PackingTeam team = new PackingTeam();
    private boolean shareA, shareB;

    /** Runs the call (blocked path, or the single-row path when m = 1) in up to {@code threads} parts. */
    static void run(GemmCall g, int threads) {
        GemmSplit s = POOL.take();
        s.g = g;
        try {
            s.start(threads);
        } finally {
            s.g = null;
            s.team.clear();
            POOL.give(s);
        }
    }

    private void start(int threads) {
        Plan plan = g.plan;
        int m = g.m, n = g.n;
        rowPath = m == 1 && g.sums == null;
        int rowUnits = Math.ceilDiv(m, plan.mr), colUnits = Math.ceilDiv(n, plan.nr);
        // Rows when B, which every row part packs, is the smaller operand; a packed B only when columns are too few.
        boolean preferRows = g.packed == null && n <= m;
        byRows = !rowPath && g.sums == null && (preferRows
                ? rowUnits >= threads || rowUnits >= colUnits
                : colUnits < threads && rowUnits > colUnits);
        units = byRows ? rowUnits : colUnits;
        parts = Math.max(1, Math.min(threads, units));
        shareB = byRows && g.packed == null && Plan.SHARE_PACKED_B;
        shareA = !byRows && !rowPath && Plan.SHARE_PACKED_A && (long) Plan.roundUp(m, plan.mr) * g.k <= Plan.SHARED_A_MAX;
        if (shareA || shareB) {
            WorkerPool.runTeam(this, parts);
        } else {
            WorkerPool.run(this, parts);
        }
    }

    /** A split that shares packed blocks runs as a team of however many threads are idle. */
    @Override
    public void members(int count) {
        parts = count;
        Plan plan = g.plan;
        int kcMax = plan.kBlock(g.k);
        int ncPadded = Plan.roundUp(Math.min(g.n, plan.nc), plan.nr);
        team.reset(plan, count, shareA ? Plan.roundUp(g.m, plan.mr) * g.k : 0, shareB ? ncPadded * kcMax : 0);
    }

    @Override
    public void run(int part) {
        int unit = byRows ? g.plan.mr : g.plan.nr, extent = byRows ? g.m : g.n;
        int lo = WorkerPool.firstUnit(units, part, parts) * unit;
        int hi = Math.min(extent, WorkerPool.firstUnit(units, part + 1, parts) * unit);
        if (lo >= hi) {
            return; // only where parts do not exceed units, so never in a team
        }
        try {
            compute(part, lo, hi);
        } catch (Throwable e) {
            team.barrier.breakWith(e); // the other members of a team stop waiting for this one
            throw e;
        }
    }

    private void compute(int part, int lo, int hi) {
        PackingTeam shared = shareA || shareB ? team : null;
        int member = shared == null ? 0 : part;
        if (byRows) {
            BlockedGemm.compute(g, lo, hi, 0, g.n, shared, member);
        } else if (rowPath && g.packed != null) {
            PackedRowTimesMatrix.compute(g, lo, hi);
        } else if (rowPath) {
            RowTimesMatrix.compute(g, lo, hi);
        } else {
            BlockedGemm.compute(g, 0, g.m, lo, hi, shared, member);
        }
    }
}
