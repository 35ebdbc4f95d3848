package org.vectorkernels.internal.panama;

import org.vectorkernels.internal.WorkerPool;

/**
 * A large sumRows cut into column ranges for {@link WorkerPool}: each column is summed by one
 * part, rows in order, so the result is bitwise the same for every thread count. One instance
 * per calling thread, reused.
 */
final class SumRowsSplit implements WorkerPool.Parts {
    private static final ThreadLocal<SumRowsSplit> LOCAL = ThreadLocal.withInitial(SumRowsSplit::new);
    /** Columns per unit of work: whole cache lines of out, so parts never share one. */
    private static final int UNIT = 64;

    private int m, n, xOffset, ldx, outOffset, units, parts;
    private float[] x, out;

    static void run(int parts, int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        SumRowsSplit s = LOCAL.get();
        s.m = m;
        s.n = n;
        s.x = x;
        s.xOffset = xOffset;
        s.ldx = ldx;
        s.out = out;
        s.outOffset = outOffset;
        s.units = (n + UNIT - 1) / UNIT;
        s.parts = Math.max(1, Math.min(parts, s.units));
        try {
            WorkerPool.run(s, s.parts);
        } finally {
            s.x = s.out = null;
        }
    }

    @Override
    public void run(int part) {
        int lo = WorkerPool.firstUnit(units, part, parts) * UNIT;
        int hi = Math.min(n, WorkerPool.firstUnit(units, part + 1, parts) * UNIT);
        if (lo < hi) {
            PanamaKernels.sumRowsSerial(m, hi - lo, x, xOffset + lo, ldx, out, outOffset + lo);
        }
    }
}
