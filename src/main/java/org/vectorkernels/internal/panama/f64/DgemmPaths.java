// GENERATED from src/main/java/org/vectorkernels/internal/panama/SgemmPaths.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.threads.Splits;
import org.vectorkernels.internal.threads.DoubleSumRowsSplit;

/**
 * Which path serves a product, for one {@link Plan}: {@link BlockedGemm} (BLIS loops 5 to 3 around
 * {@link MacroKernel}); {@link DirectDgemm} for problems too small to repay packing;
 * {@link RowTimesMatrix} for a single row of C, where packing B would only add traffic; large
 * problems cut into parts over threads by {@link GemmSplit}; and B packed ahead for many products.
 * Its double precision twin, {@code f64.DgemmPaths}, is generated from this file ({@code DoubleSourceGenerator}).
 */
public final class DgemmPaths {
    private DgemmPaths() {}

    /** C := alpha·op(A)·op(B) + beta·C, then the bias and ReLU; column sums of op(B) into {@code sums} where given. */
    public static void dgemm(Plan plan, boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu,
                      double[] sums, int sumsOffset) {
        // Column sums are taken while B is packed, so the fused call always packs.
        // Not past one k block, so that it adds in the order of the blocked path on a packed B.
        boolean direct = sums == null && m > 1 && !transB && n % Species.LANES == 0 && k <= plan.kc
                && (long) m * n * k <= Plan.DIRECT_MAX_VOLUME;
        int parts = direct ? 1 : Splits.parts(m, n, k, plan.splitMinVolume);
        GemmCall g = GemmCall.take(plan, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc)
                .finish(bias, biasOffset, relu, sums, sumsOffset);
        try {
            if (parts > 1) {
                GemmSplit.run(g, parts);
            } else if (sums == null && m == 1) {
                RowTimesMatrix.compute(g, 0, n);
            } else if (direct) {
                DirectDgemm.compute(g);
            } else {
                BlockedGemm.compute(g, 0, m, 0, n, null, 0);
            }
        } finally {
            g.give();
        }
    }

    /**
     * Each k block of op(B) (as the blocked path cuts k) packed whole, its panels as {@link Packing#packB}
     * lays them; B stored n×k is also kept as stored, for m = 1 (see {@link PackedRowTimesMatrix}).
     */
    public static DoublePackedOperand packB(Plan plan, Kernels packer, boolean transB, int k, int n, double[] b, int bOffset, int ldb) {
        int paddedColumns = Plan.roundUp(n, plan.nr), kcMax = plan.kBlock(k);
        // The block of k from pc on starts at START + pc·paddedColumns (see HeapPanels.START).
        HeapPanels panels = HeapPanels.newView().view(new double[HeapPanels.START + k * paddedColumns]);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            Packing.packB(plan.nr, transB, b, bOffset, ldb, pc, 0, kc, n, panels, HeapPanels.START + pc * paddedColumns, null, 0);
        }
        double[] data = panels.array();
        double[] asStored = null;
        if (transB) {
            asStored = new double[n * k];
            for (int j = 0; j < n; j++) {
                System.arraycopy(b, bOffset + j * ldb, asStored, j * k, k);
            }
        }
        return new DoublePackedOperand(packer, k, n, asStored, data, HeapPanels.START, paddedColumns);
    }

    /**
     * The unpacked dgemm's paths on a packed B: a row of C as {@link RowTimesMatrix} sums it
     * ({@link PackedRowTimesMatrix}); otherwise the blocked path, which adds in the order the
     * unpacked {@link DirectDgemm} does for the depths that path takes.
     */
    public static void dgemm(Plan plan, boolean transA, int m, double alpha, double[] a, int aOffset, int lda, DoublePackedOperand b,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu) {
        int n = b.n(), k = b.k();
        int parts = Splits.parts(m, n, k, plan.splitMinVolume);
        GemmCall g = GemmCall.take(plan, transA, false, m, n, k, alpha, a, aOffset, lda, null, 0, 0, beta, c, cOffset, ldc)
                .finish(bias, biasOffset, relu, null, 0).packed(b);
        try {
            if (parts > 1) {
                GemmSplit.run(g, parts);
            } else if (m == 1) {
                PackedRowTimesMatrix.compute(g, 0, n);
            } else {
                BlockedGemm.compute(g, 0, m, 0, n, null, 0);
            }
        } finally {
            g.give();
        }
    }

    /** {@code out[j] += Σ_i x[i][j]}, rows in order; large sums split by columns over threads. */
    public static void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset) {
        DoubleSumRowsSplit.run(SUM_ROWS_SERIAL, m, n, x, xOffset, ldx, out, outOffset);
    }

    private static final DoubleSumRowsSplit.Serial SUM_ROWS_SERIAL = DgemmPaths::sumRowsSerial;

    static void sumRowsSerial(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset) {
        // Eight rows at a time, read as eight sequential streams, with one load and store of out
        // (which stays in L1) per eight rows. Additions go in row order, as in the scalar kernel.
        int i = 0;
        for (; i + 8 <= m; i += 8) {
            sumRowBlock(8, n, x, xOffset + i * ldx, ldx, out, outOffset);
        }
        if (i < m) {
            sumRowBlock(m - i, n, x, xOffset + i * ldx, ldx, out, outOffset);
        }
    }

    /** Adds rows [0, rows) of x, rows <= 8, into out; full vectors first, then one masked tail. */
    private static void sumRowBlock(int rows, int n, double[] x, int row0, int ldx, double[] out, int outOffset) {
        int j = 0;
        for (; j + Species.LANES <= n; j += Species.LANES) {
            DoubleVector sum = DoubleVector.fromArray(Species.F, out, outOffset + j);
            for (int q = 0; q < rows; q++) {
                sum = sum.add(DoubleVector.fromArray(Species.F, x, row0 + q * ldx + j));
            }
            sum.intoArray(out, outOffset + j);
        }
        if (j < n) {
            VectorMask<Double> mask = Species.F.indexInRange(j, n);
            DoubleVector sum = DoubleVector.fromArray(Species.F, out, outOffset + j, mask);
            for (int q = 0; q < rows; q++) {
                sum = sum.add(DoubleVector.fromArray(Species.F, x, row0 + q * ldx + j, mask));
            }
            sum.intoArray(out, outOffset + j, mask);
        }
    }
}
