// GENERATED from src/main/java/org/vectorkernels/internal/panama/BlockedGemm.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import org.vectorkernels.internal.panama.kernels.DoubleTileKernel;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * BLIS loops 5 to 3 around {@link MacroKernel}: NC columns of B at a time, packed KC steps at a
 * time, against MC rows of A, packed (or, for small products, read where it is). With B packed
 * before the call ({@link GemmCall#packed}) its blocks are read from there. With a
 * {@link PackingTeam}, this thread is member {@code member} of a split that packs an operand
 * together: it packs only its share, which all members then read. A shared A is packed whole, k
 * block after k block, before anything else, and the members meet once after it; a shared B is
 * packed block by block, and the members meet after packing each block and before the next is
 * packed over it.
 */
final class BlockedGemm {
    private BlockedGemm() {}

    /** Rows [i0, i1) × columns [j0, j1) of the call's C. */
    static void compute(GemmCall g, int i0, int i1, int j0, int j1, PackingTeam team, int member) {
        boolean sharedA = team != null && team.panelsA != null, sharedB = team != null && team.panelsB != null;
        boolean aInPlace = !sharedA && (long) (i1 - i0) * (j1 - j0) * g.k <= Plan.A_IN_PLACE_MAX_VOLUME;
        // The wide tile reads rows of A in place, on B packed by this call, in whole pairs of B's panels.
        Plan plan = g.plan;
        int wideEnd = plan.wide != null && aInPlace && !g.transA && !sharedB && g.packed == null
                ? j0 + (j1 - j0) / plan.wideNr * plan.wideNr : j0;
        // Small enough, it reads B where it is too: not transposed, rows not 4 KiB apart (they alias in L1), a strip in L1.
        boolean bInPlace = wideEnd > j0 && !g.transB && g.sums == null && g.ldb % 1024 != 0
                && (long) g.k * plan.wideNr * Double.BYTES <= Plan.B_IN_PLACE_STRIP_BYTES
                && (long) (i1 - i0) * (j1 - j0) * g.k <= Plan.B_IN_PLACE_MAX_VOLUME;
        Workspace ws = Workspace.take();
        try {
            if (sharedA) {
                packWholeA(g, i0, i1, team, member);
                team.barrier.await();
            }
            if (wideEnd > j0) {
                columns(g, ws, i0, i1, j0, wideEnd, true, bInPlace, aInPlace, team, member);
            }
            if (wideEnd < j1) {
                // The columns past the last whole wide panel run the plan's tile, whose panels waste fewer of them.
                columns(g, ws, i0, i1, wideEnd, j1, false, false, aInPlace, team, member);
            }
        } finally {
            Workspace.give(ws);
        }
    }

    /** Columns [j0, j1) by the wide tile or the plan's own, on B packed here, packed before the call, or read in place. */
    private static void columns(GemmCall g, Workspace ws, int i0, int i1, int j0, int j1, boolean wide, boolean bInPlace,
                                boolean aInPlace, PackingTeam team, int member) {
        Plan plan = g.plan;
        boolean sharedA = team != null && team.panelsA != null, sharedB = team != null && team.panelsB != null;
        // The share of each block's micro-panels this thread packs: all of them unless the team shares it.
        int partsB = sharedB ? team.members : 1, partB = sharedB ? member : 0;
        int k = g.k, kcMax = plan.kBlock(k), nr = plan.nr;
        int mPadded = Plan.roundUp(i1 - i0, plan.mr);
        DoubleTileKernel inPlace = bInPlace ? plan.wideOnRowsOfB : wide ? plan.wide : g.transA ? plan.stepped : plan.onRowsOfA;
        int tileRows = inPlace.rows();
        double[] tile = ws.tile(plan.tileDoubles);
        for (int jc = j0; jc < j1; jc += plan.nc) {
            int nc = Math.min(plan.nc, j1 - jc);
            int panelsB = Math.ceilDiv(nc, nr);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                PanelsOfB packedB;
                int bAt, bPanelGap = kc, ldb = 0;
                if (bInPlace) {
                    packedB = ws.view(g.b);
                    bAt = g.bAt(jc) + pc * g.ldb;
                    bPanelGap = 1;
                    ldb = g.ldb;
                } else if (g.packed != null) { // see DgemmPaths.packB for its layout
                    packedB = ws.view(g.packed.data());
                    bAt = g.packed.start() + pc * g.packed.paddedColumns() + jc * kc;
                } else {
                    packedB = sharedB ? team.panelsB : ws.packedB(plan, panelsB * nr * kcMax);
                    bAt = packedB.start();
                    int c0 = WorkerPool.firstUnit(panelsB, partB, partsB) * nr;
                    int c1 = Math.min(nc, WorkerPool.firstUnit(panelsB, partB + 1, partsB) * nr);
                    if (c0 < c1) {
                        Packing.packB(nr, g.transB, g.b, g.bOffset, g.ldb, pc, jc + c0, kc, c1 - c0, packedB, bAt + c0 * kc,
                                g.sums, g.sumsOffset + jc + c0);
                    }
                }
                await(sharedB, team);
                // beta scales C once, in the first k block; the epilogue comes with the last.
                double beta = pc == 0 ? g.beta : 1d;
                boolean last = pc + kc >= k;
                for (int ic = i0; ic < i1; ic += plan.mc) {
                    int mc = Math.min(plan.mc, i1 - ic);
                    // A small op(A) is read where it is, whole tiles' rows of it (transposed: a row of it is a column of a).
                    int rowsInPlace = aInPlace ? mc / tileRows * tileRows : 0;
                    if (rowsInPlace > 0) {
                        MacroKernel.compute(g, inPlace, ic, jc, rowsInPlace, nc, kc, g.a, g.aAt(ic) + pc * g.aStep(), g.aRow(),
                                g.aStep(), false, packedB, bAt, bPanelGap, ldb, tile, beta, last);
                    }
                    int rest = ic + rowsInPlace, restRows = mc - rowsInPlace;
                    if (restRows == 0) {
                        continue;
                    }
                    if (wide) {
                        // The last rows, fewer than the wide tile's, copied into one zero-padded tile of rows.
                        double[] rows = ws.packedA(tileRows * kc);
                        Packing.packRows(g.a, g.aAt(rest) + pc, g.lda, restRows, tileRows, kc, rows, 0);
                        MacroKernel.compute(g, inPlace, rest, jc, restRows, nc, kc, rows, 0, kc, 1, false,
                                packedB, bAt, bPanelGap, ldb, tile, beta, last);
                        continue;
                    }
                    double[] panels;
                    int at;
                    if (sharedA) {
                        panels = team.panelsA;
                        at = mPadded * pc + (rest - i0) * kc; // see packWholeA
                    } else {
                        panels = ws.packedA(Math.ceilDiv(restRows, plan.mr) * plan.mr * kcMax);
                        at = 0;
                        Packing.packA(plan, g.transA, g.a, g.aOffset, g.lda, rest, pc, restRows, kc, panels, 0);
                    }
                    MacroKernel.compute(g, plan.onPackedA, rest, jc, restRows, nc, kc, panels, at, Packing.aRowGap(plan, kc),
                            Packing.aStepGap(plan), plan.interleavedA, packedB, bAt, bPanelGap, ldb, tile, beta, last);
                }
                await(sharedB, team); // every member is done with this block of B before it is packed over
            }
        }
    }

    /**
     * This member's share of the micro-panels of rows [i0, i1) of op(A), packed k block by k block:
     * the block of k from pc on starts at {@code mPadded·pc}, so rows from i0 + r on of it at
     * {@code mPadded·pc + r·kc}.
     */
    private static void packWholeA(GemmCall g, int i0, int i1, PackingTeam team, int member) {
        Plan plan = g.plan;
        int k = g.k, kcMax = plan.kBlock(k);
        int panels = Math.ceilDiv(i1 - i0, plan.mr), mPadded = panels * plan.mr;
        int r0 = WorkerPool.firstUnit(panels, member, team.members) * plan.mr;
        int r1 = Math.min(i1 - i0, WorkerPool.firstUnit(panels, member + 1, team.members) * plan.mr);
        for (int pc = 0; r0 < r1 && pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            Packing.packA(plan, g.transA, g.a, g.aOffset, g.lda, i0 + r0, pc, r1 - r0, kc, team.panelsA, mPadded * pc + r0 * kc);
        }
    }

    private static void await(boolean shared, PackingTeam team) {
        if (shared) {
            team.barrier.await();
        }
    }
}
