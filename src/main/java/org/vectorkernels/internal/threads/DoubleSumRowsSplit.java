// GENERATED from src/main/java/org/vectorkernels/internal/threads/SumRowsSplit.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.threads;

import org.vectorkernels.internal.Recycler;

/**
 * A large sumRows cut into column ranges for {@link WorkerPool}: each column is summed by one
 * part, rows in order, so the result is bitwise the same for every thread count. Instances are
 * recycled from call to call ({@link Recycler}).
 */
public final class DoubleSumRowsSplit implements WorkerPool.Parts {
    /** A kernel's single-threaded sumRows: {@code out[j] += Σ_i x[i][j]}, rows in order. */
    public interface Serial {
        void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset);
    }

    private static final Recycler<DoubleSumRowsSplit> POOL = new Recycler<>(DoubleSumRowsSplit::new);
    /** Columns per unit of work: whole cache lines of out, so parts never share one. */
    private static final int UNIT = 64;
    /** Elements per thread below which sumRows does not split: a few MiB each. */
    private static final long MIN_PER_THREAD = Long.getLong("vectorkernels.sumRowsMinPerThread", 1L << 20);

    private int m, n, xOffset, ldx, outOffset, units, parts;
    private double[] x, out;
    private Serial serial;

    private DoubleSumRowsSplit() {}

    /** Sums the rows of x into out with {@code serial}, on as many threads as the size is worth. */
    public static void run(Serial serial, int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset) {
        int parts = (int) Math.max(1, Math.min(Threads.count(), (long) m * n / MIN_PER_THREAD));
        if (parts == 1) {
            serial.sumRows(m, n, x, xOffset, ldx, out, outOffset);
            return;
        }
        DoubleSumRowsSplit s = POOL.take();
        s.serial = serial;
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
            s.serial = null;
            POOL.give(s);
        }
    }

    @Override
    public void run(int part) {
        int lo = WorkerPool.firstUnit(units, part, parts) * UNIT;
        int hi = Math.min(n, WorkerPool.firstUnit(units, part + 1, parts) * UNIT);
        if (lo < hi) {
            serial.sumRows(m, hi - lo, x, xOffset + lo, ldx, out, outOffset + lo);
        }
    }
}
