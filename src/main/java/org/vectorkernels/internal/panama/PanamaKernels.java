package org.vectorkernels.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import org.vectorkernels.Epilogue;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.threads.SumRowsSplit;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * The Vector API kernels. SGEMM: BLIS loops 5 to 3 (NC, KC, MC blocks with packing) around
 * {@link MacroKernel}; {@link DirectSgemm} for problems too small to repay packing;
 * {@link RowTimesMatrix} for a single row of C, where packing B would only add traffic.
 */
public class PanamaKernels implements Kernels { // not final: a test redirects its sgemm to one path

    public PanamaKernels() {
        if (Blocking.F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vectors of " + Blocking.F.vectorBitSize()
                    + " bits are too narrow to pay off");
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc, Epilogue epilogue, float[] sums, int sumsOffset) {
        // Column sums are taken while B is packed, so the fused call always packs.
        // Not past one k block, so that it adds in the order of the blocked path on a packed B.
        boolean direct = sums == null && m > 1 && !transB && n % Blocking.LANES == 0 && k <= Blocking.KC
                && (long) m * n * k <= Blocking.DIRECT_MAX_VOLUME;
        int parts = direct ? 1 : SgemmContract.parts(m, n, k, Blocking.SPLIT_MIN_VOLUME);
        if (parts > 1) {
            GemmSplit.run(parts, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu(), sums, sumsOffset);
        } else if (sums == null && m == 1) {
            RowTimesMatrix.compute(transA, transB, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
        } else if (direct) {
            DirectSgemm.compute(transA, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
        } else {
            blocked(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu(), sums, sumsOffset, null, 0, null, 0);
        }
    }

    /**
     * Each k block of op(B) (as the blocked path cuts k) packed whole, its panels as {@link Packing#packB}
     * lays them; B stored n×k is also kept as stored, for m = 1 (see {@link PackedRowTimesMatrix}).
     */
    @Override
    public PackedOperand packB(boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        int paddedColumns = Blocking.roundUp(n, Blocking.NR), kcMax = Blocking.kBlock(k);
        // The block of k from pc on starts at B_START + pc·paddedColumns: on a cache line, as in a Workspace.
        float[] data = new float[Workspace.B_START + k * paddedColumns];
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            Packing.packB(transB, b, bOffset, ldb, pc, 0, kc, n, data, Workspace.B_START + pc * paddedColumns, null, 0);
        }
        float[] asStored = null;
        if (transB) {
            asStored = new float[n * k];
            for (int j = 0; j < n; j++) {
                System.arraycopy(b, bOffset + j * ldb, asStored, j * k, k);
            }
        }
        return new PackedOperand(this, k, n, asStored, data, Workspace.B_START, paddedColumns);
    }

    /**
     * The unpacked sgemm's paths on a packed B: a row of C as {@link RowTimesMatrix} sums it
     * ({@link PackedRowTimesMatrix}); otherwise the blocked path, which adds in the order the
     * unpacked {@link DirectSgemm} does for the depths that path takes.
     */
    @Override
    public void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                      float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        int n = b.n(), k = b.k();
        int parts = SgemmContract.parts(m, n, k, Blocking.SPLIT_MIN_VOLUME);
        if (parts > 1) {
            GemmSplit.run(parts, transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
        } else if (m == 1) {
            PackedRowTimesMatrix.compute(transA, 0, n, alpha, a, aOffset, lda, b, beta, c, cOffset,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu());
        } else {
            blocked(transA, false, m, n, k, alpha, a, aOffset, lda, null, 0, 0, beta, c, cOffset, ldc,
                    epilogue.bias(), epilogue.biasOffset(), epilogue.hasRelu(), null, 0, null, 0, b, 0);
        }
    }

    /**
     * BLIS loops 5 to 3. With {@code packed} (then b is not read), the blocks of B are read from it,
     * this call's column 0 being its column {@code packedColumn}. With a {@code team}, this thread is member {@code member} of a split:
     * it computes its own part of C (passed in) and packs only its share of what the team
     * shares, which all members then read. A shared A is packed whole, k block after k block,
     * before anything else, and the members meet once after it; a shared B is packed block by
     * block, and the members meet after packing each block and before the next is packed over it.
     */
    static void blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                        float beta, float[] c, int cOffset, int ldc,
                        float[] bias, int biasOffset, boolean relu, float[] sums, int sumsOffset,
                        PackingTeam team, int member, PackedOperand packed, int packedColumn) {
        int wideColumns = wideColumns(transA, m, n, k, team, packed);
        if (wideColumns > 0 && wideColumns < n) {
            // The columns past the last whole wide panel run the MR-row tile, whose panels waste fewer of them.
            int head = wideColumns;
            blocked(transA, transB, m, n - head, k, alpha, a, aOffset, lda, b, bOffset + (transB ? head * ldb : head), ldb,
                    beta, c, cOffset + head, ldc, bias, biasOffset + head, relu, sums, sumsOffset + head, team, member, null, 0);
            n = head;
        }
        Workspace ws = Workspace.take();
        try {
            boolean sharedA = team != null && team.panelsA != null, sharedB = team != null && team.panelsB != null;
            // The share of each block's micro-panels this thread packs: all of them unless the team shares it.
            int partsB = sharedB ? team.members : 1, partB = sharedB ? member : 0;
            int kcMax = Blocking.kBlock(k);
            int mPadded = Blocking.roundUp(m, Blocking.MR);
            boolean aInPlace = readsAInPlace(m, n, k, sharedA);
            boolean wide = wideColumns > 0;
            int tileRows = wide ? Blocking.WIDE_MR : Blocking.MR;
            // op(A)(i, p) = a[aOffset + i·aRow + p·aStep]
            int aRow = transA ? 1 : lda, aStep = transA ? lda : 1;
            if (sharedA) {
                packWholeA(transA, m, k, kcMax, a, aOffset, lda, team, member);
                team.barrier.await();
            }
            for (int jc = 0; jc < n; jc += Blocking.NC) {
                int nc = Math.min(Blocking.NC, n - jc);
                int panelsB = Math.ceilDiv(nc, Blocking.NR);
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
                    float[] packedB;
                    int bAt;
                    if (packed != null) { // see packB for its layout
                        packedB = packed.data();
                        bAt = packed.start() + pc * packed.paddedColumns() + (packedColumn + jc) * kc;
                    } else {
                        packedB = sharedB ? team.panelsB : ws.packedB(panelsB * Blocking.NR * kcMax);
                        bAt = Workspace.B_START;
                        int c0 = WorkerPool.firstUnit(panelsB, partB, partsB) * Blocking.NR;
                        int c1 = Math.min(nc, WorkerPool.firstUnit(panelsB, partB + 1, partsB) * Blocking.NR);
                        if (c0 < c1) {
                            Packing.packB(transB, b, bOffset, ldb, pc, jc + c0, kc, c1 - c0, packedB, bAt + c0 * kc,
                                    sums, sumsOffset + jc + c0);
                        }
                    }
                    await(sharedB, team);
                    // beta scales C once, in the first k block; the epilogue comes with the last.
                    float betaNow = pc == 0 ? beta : 1f;
                    boolean last = pc + kc >= k;
                    for (int ic = 0; ic < m; ic += Blocking.MC) {
                        int mc = Math.min(Blocking.MC, m - ic);
                        int cIdx = cOffset + ic * ldc + jc;
                        float[] blockBias = last ? bias : null;
                        boolean blockRelu = last && relu;
                        // A small op(A) is read where it is, whole tiles' rows of it (transposed: a row of it is a column of a).
                        int inPlace = aInPlace ? mc / tileRows * tileRows : 0;
                        if (inPlace > 0) {
                            MacroKernel.compute(inPlace, nc, kc, a, aOffset + ic * aRow + pc * aStep, aRow, aStep, false, wide,
                                    packedB, bAt, ws.tile(),
                                    alpha, betaNow, c, cIdx, ldc, blockBias, biasOffset + jc, blockRelu);
                        }
                        if (inPlace < mc && wide) {
                            // The last rows, fewer than the wide tile's, copied into one zero-padded tile of rows.
                            float[] rows = ws.packedA(Blocking.WIDE_MR * kc);
                            Packing.packRows(a, aOffset + (ic + inPlace) * lda + pc, lda, mc - inPlace, Blocking.WIDE_MR, kc, rows, 0);
                            MacroKernel.compute(mc - inPlace, nc, kc, rows, 0, kc, 1, false, true,
                                    packedB, bAt, ws.tile(),
                                    alpha, betaNow, c, cIdx + inPlace * ldc, ldc, blockBias, biasOffset + jc, blockRelu);
                        } else if (inPlace < mc) {
                            float[] panels;
                            int at;
                            if (sharedA) {
                                panels = team.panelsA;
                                at = mPadded * pc + ic * kc; // see packWholeA
                            } else {
                                panels = ws.packedA(Math.ceilDiv(mc - inPlace, Blocking.MR) * Blocking.MR * kcMax);
                                at = 0;
                                Packing.packA(transA, a, aOffset, lda, ic + inPlace, pc, mc - inPlace, kc, panels, 0);
                            }
                            MacroKernel.compute(mc - inPlace, nc, kc, panels, at, Packing.aRowGap(kc), Packing.aStepGap(), Blocking.INTERLEAVED_A, false,
                                    packedB, bAt, ws.tile(),
                                    alpha, betaNow, c, cIdx + inPlace * ldc, ldc, blockBias, biasOffset + jc, blockRelu);
                        }
                    }
                    await(sharedB, team); // every member is done with this block of B before it is packed over
                }
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /**
     * The columns that {@link WideMicroKernel} takes, whole pairs of B's panels, or 0 where it does not
     * serve: it reads rows of A in place (not transposed, small products), on B packed by this call.
     */
    private static int wideColumns(boolean transA, int m, int n, int k, PackingTeam team, PackedOperand packed) {
        boolean sharedA = team != null && team.panelsA != null, sharedB = team != null && team.panelsB != null;
        boolean wide = Blocking.WIDE_TILE && !transA && !sharedB && packed == null && Blocking.NC % Blocking.WIDE_NR == 0
                && readsAInPlace(m, n, k, sharedA);
        return wide ? n / Blocking.WIDE_NR * Blocking.WIDE_NR : 0;
    }

    /** Whether the blocked path reads op(A) where it is instead of packing it: small products whose A no team shares. */
    private static boolean readsAInPlace(int m, int n, int k, boolean sharedA) {
        return !sharedA && (long) m * n * k <= Blocking.A_IN_PLACE_MAX_VOLUME;
    }

    /**
     * This member's share of the micro-panels of all of op(A), packed k block by k block: the
     * block of k from pc on starts at {@code mPadded·pc}, so rows from ic on of it at
     * {@code mPadded·pc + ic·kc}.
     */
    private static void packWholeA(boolean transA, int m, int k, int kcMax, float[] a, int aOffset, int lda,
                                   PackingTeam team, int member) {
        int panels = Math.ceilDiv(m, Blocking.MR), mPadded = panels * Blocking.MR;
        int r0 = WorkerPool.firstUnit(panels, member, team.members) * Blocking.MR;
        int r1 = Math.min(m, WorkerPool.firstUnit(panels, member + 1, team.members) * Blocking.MR);
        for (int pc = 0; r0 < r1 && pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            Packing.packA(transA, a, aOffset, lda, r0, pc, r1 - r0, kc, team.panelsA, mPadded * pc + r0 * kc);
        }
    }

    private static void await(boolean shared, PackingTeam team) {
        if (shared) {
            team.barrier.await();
        }
    }

    @Override
    public void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        SumRowsSplit.run(SUM_ROWS_SERIAL, m, n, x, xOffset, ldx, out, outOffset);
    }

    private static final SumRowsSplit.Serial SUM_ROWS_SERIAL = PanamaKernels::sumRowsSerial;

    static void sumRowsSerial(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
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
    private static void sumRowBlock(int rows, int n, float[] x, int row0, int ldx, float[] out, int outOffset) {
        int j = 0;
        for (; j + Blocking.LANES <= n; j += Blocking.LANES) {
            FloatVector sum = FloatVector.fromArray(Blocking.F, out, outOffset + j);
            for (int q = 0; q < rows; q++) {
                sum = sum.add(FloatVector.fromArray(Blocking.F, x, row0 + q * ldx + j));
            }
            sum.intoArray(out, outOffset + j);
        }
        if (j < n) {
            VectorMask<Float> mask = Blocking.F.indexInRange(j, n);
            FloatVector sum = FloatVector.fromArray(Blocking.F, out, outOffset + j, mask);
            for (int q = 0; q < rows; q++) {
                sum = sum.add(FloatVector.fromArray(Blocking.F, x, row0 + q * ldx + j, mask));
            }
            sum.intoArray(out, outOffset + j, mask);
        }
    }

    @Override
    public void relu(int n, float[] x, float[] y, boolean[] mask) {
        Elementwise.relu(n, x, y, mask);
    }

    @Override
    public void reluBackward(int n, float[] dout, boolean[] mask, float[] dx) {
        Elementwise.reluBackward(n, dout, mask, dx);
    }

    @Override
    public void sigmoid(int n, float[] x, float[] y) {
        Elementwise.sigmoid(n, x, y);
    }

    @Override
    public void sigmoidBackward(int n, float[] dout, float[] y, float[] dx) {
        Elementwise.sigmoidBackward(n, dout, y, dx);
    }

    @Override
    public void softmaxRows(int m, int n, float[] x, float[] y, double[] logSumExp) {
        if (n < Blocking.LANES) { // 10 classes in a 16-lane vector: plain loops were faster (6.9 against 9.9 µs at 100×10, Zen 5)
            ScalarKernels.softmax(m, n, x, y, logSumExp);
            return;
        }
        Elementwise.softmaxRows(m, n, x, y, logSumExp);
    }

    @Override
    public String description() {
        return "panama: " + Blocking.F.vectorBitSize() + "-bit vectors, " + Blocking.PROFILE.describe(Blocking.NR)
                + ", on " + Blocking.CPU.describe();
    }
}
