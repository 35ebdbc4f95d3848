package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.threads.GemmParts;
import org.vectorkernels.internal.Recycler;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * One large SGEMM cut into parts along m or along n (never k) for {@link WorkerPool}. Every part
 * runs the same path (blocked, or the single-row path) on its rows or columns, and each element
 * of C is computed by exactly one part in the same order as by the whole, so the result is
 * bitwise the same for every thread count. Rows are cut when B is the smaller operand, else
 * columns; with column sums always columns, so that each column is summed once. Each part packs
 * what it reads itself, unless the parts run as a team that packs that operand once, together
 * ({@link PackingTeam}): column parts all of a small enough A ({@link Blocking#SHARE_PACKED_A}),
 * row parts each block of B ({@code -Dvectorkernels.sharePackedB=true}). Instances are
 * recycled from call to call ({@link Recycler}): a call allocates nothing.
 */
final class GemmSplit extends GemmParts implements WorkerPool.Team {
    private static final Recycler<GemmSplit> POOL = new Recycler<>(GemmSplit::new);

    private boolean rowPath, byRows;
    private int biasOffset, sumsOffset, units, parts;
    private float[] bias, sums;
    private boolean relu;
    private final PackingTeam team = new PackingTeam();
    private boolean shareA, shareB;

    /** Runs the problem (blocked path, or the single-row path when m = 1) in {@code parts} parts. */
    static void run(int parts, boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                    float beta, float[] c, int cOffset, int ldc,
                    float[] bias, int biasOffset, boolean relu, float[] sums, int sumsOffset) {
        GemmSplit s = POOL.take();
        s.operands(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        s.bias = bias;
        s.biasOffset = biasOffset;
        s.relu = relu;
        s.sums = sums;
        s.sumsOffset = sumsOffset;
        s.rowPath = m == 1 && sums == null;
        int rowUnits = (m + Blocking.MR - 1) / Blocking.MR, colUnits = (n + Blocking.NR - 1) / Blocking.NR;
        boolean preferRows = n <= m; // then B, which every row part packs, is the smaller operand
        s.byRows = !s.rowPath && sums == null && (preferRows
                ? rowUnits >= parts || rowUnits >= colUnits
                : colUnits < parts && rowUnits > colUnits);
        s.units = s.byRows ? rowUnits : colUnits;
        s.parts = Math.max(1, Math.min(parts, s.units));
        s.shareB = s.byRows && Blocking.SHARE_PACKED_B;
        s.shareA = !s.byRows && !s.rowPath && Blocking.SHARE_PACKED_A
                && (long) Blocking.roundUp(m, Blocking.MR) * k <= Blocking.SHARED_A_MAX;
        try {
            if (s.shareA || s.shareB) {
                WorkerPool.runTeam(s, s.parts);
            } else {
                WorkerPool.run(s, s.parts);
            }
        } finally {
            s.release();
            s.bias = s.sums = null;
            s.team.clear();
            POOL.give(s);
        }
    }

    /** A split that shares packed blocks runs as a team of however many threads are idle. */
    @Override
    public void members(int count) {
        parts = count;
        int kcMax = Blocking.kBlock(k);
        int ncPadded = Blocking.roundUp(Math.min(n, Blocking.NC), Blocking.NR);
        team.reset(count, shareA ? Blocking.roundUp(m, Blocking.MR) * k : 0, shareB ? ncPadded * kcMax : 0);
    }

    @Override
    public void run(int part) {
        int unit = byRows ? Blocking.MR : Blocking.NR, extent = byRows ? m : n;
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
            // Rows [lo, hi) of op(A) and of C.
            int aStart = aOffset + (transA ? lo : lo * lda);
            PanamaKernels.blocked(transA, transB, hi - lo, n, k, alpha, a, aStart, lda, b, bOffset, ldb,
                    beta, c, cOffset + lo * ldc, ldc, bias, biasOffset, relu, null, 0, shared, member);
            return;
        }
        // Columns [lo, hi) of op(B), of C, of the bias and of the sums.
        int bStart = bOffset + (transB ? lo * ldb : lo);
        if (rowPath) {
            RowTimesMatrix.compute(transA, transB, hi - lo, k, alpha, a, aOffset, lda, b, bStart, ldb,
                    beta, c, cOffset + lo, bias, biasOffset + lo, relu);
        } else {
            PanamaKernels.blocked(transA, transB, m, hi - lo, k, alpha, a, aOffset, lda, b, bStart, ldb,
                    beta, c, cOffset + lo, ldc, bias, biasOffset + lo, relu, sums, sumsOffset + lo, shared, member);
        }
    }
}
