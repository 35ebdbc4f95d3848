package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.PackedOperand;
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
 * row parts each block of B ({@code -Dvectorkernels.sharePackedB=true}). A B packed before the
 * call ({@link PackedOperand}) is read by every part as it is, and then columns are cut unless
 * they are too few. Instances are
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
    private PackedOperand packed;

    /** Runs the problem (blocked path, or the single-row path when m = 1) in {@code parts} parts. */
    static void run(int parts, boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                    float beta, float[] c, int cOffset, int ldc,
                    float[] bias, int biasOffset, boolean relu, float[] sums, int sumsOffset) {
        GemmSplit s = POOL.take();
        s.operands(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        s.sums = sums;
        s.sumsOffset = sumsOffset;
        s.start(parts, bias, biasOffset, relu, n <= m); // rows when B, which every row part packs, is the smaller operand
    }

    /** As the other run, with B packed before the call (column parts, unless they are too few). */
    static void run(int parts, boolean transA, int m, float alpha, float[] a, int aOffset, int lda,
                    PackedOperand packed, float beta, float[] c, int cOffset, int ldc,
                    float[] bias, int biasOffset, boolean relu) {
        GemmSplit s = POOL.take();
        s.operands(transA, false, m, packed.n(), packed.k(), alpha, a, aOffset, lda, null, 0, 0, beta, c, cOffset, ldc);
        s.packed = packed;
        s.start(parts, bias, biasOffset, relu, false);
    }

    private void start(int threads, float[] bias, int biasOffset, boolean relu, boolean preferRows) {
        this.bias = bias;
        this.biasOffset = biasOffset;
        this.relu = relu;
        rowPath = m == 1 && sums == null;
        int rowUnits = (m + Blocking.MR - 1) / Blocking.MR, colUnits = (n + Blocking.NR - 1) / Blocking.NR;
        byRows = !rowPath && sums == null && (preferRows
                ? rowUnits >= threads || rowUnits >= colUnits
                : colUnits < threads && rowUnits > colUnits);
        units = byRows ? rowUnits : colUnits;
        parts = Math.max(1, Math.min(threads, units));
        shareB = byRows && packed == null && Blocking.SHARE_PACKED_B;
        shareA = !byRows && !rowPath && Blocking.SHARE_PACKED_A
                && (long) Blocking.roundUp(m, Blocking.MR) * k <= Blocking.SHARED_A_MAX;
        try {
            if (shareA || shareB) {
                WorkerPool.runTeam(this, parts);
            } else {
                WorkerPool.run(this, parts);
            }
        } finally {
            release();
            this.bias = sums = null;
            packed = null;
            team.clear();
            POOL.give(this);
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
                    beta, c, cOffset + lo * ldc, ldc, bias, biasOffset, relu, null, 0, shared, member, packed, 0);
            return;
        }
        // Columns [lo, hi) of op(B), of C, of the bias and of the sums.
        int bStart = bOffset + (transB ? lo * ldb : lo);
        if (rowPath && packed != null) {
            PackedRowTimesMatrix.compute(transA, lo, hi, alpha, a, aOffset, lda, packed, beta, c, cOffset, bias, biasOffset, relu);
        } else if (rowPath) {
            RowTimesMatrix.compute(transA, transB, hi - lo, k, alpha, a, aOffset, lda, b, bStart, ldb,
                    beta, c, cOffset + lo, bias, biasOffset + lo, relu);
        } else {
            PanamaKernels.blocked(transA, transB, m, hi - lo, k, alpha, a, aOffset, lda, b, bStart, ldb,
                    beta, c, cOffset + lo, ldc, bias, biasOffset + lo, relu, sums, sumsOffset + lo, shared, member, packed, lo);
        }
    }
}
