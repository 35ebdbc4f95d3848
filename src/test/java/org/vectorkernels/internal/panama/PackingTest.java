package org.vectorkernels.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vectorkernels.RandomArrays;

/**
 * Packed A in each plan's layout (rows or interleaved, see {@link Packing#packA}), for every tile: every element
 * where {@link Packing#aRowGap} and {@link Packing#aStepGap} say, rows past mc zero up to a whole
 * panel, nothing written past the panels; on each side of MR and of the 16-step groups. Packed B
 * in panels of one to four vectors, on the heap and off-heap: every element, columns past the
 * extent zero, the column sums, nothing written before or past the panels.
 */
class PackingTest {
    private static final float POISON = -7.25f;

    @Test
    void packedAIsOpAInEveryPlansLayout() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (Plan plan : Plans.everyTile()) {
            check(rnd, plan);
        }
    }

    private static void check(SplittableRandom rnd, Plan plan) {
        int mr = plan.mr;
        for (boolean transA : new boolean[] {false, true}) {
            for (int mc : new int[] {1, mr - 1, mr, mr + 1, 2 * mr + 3, 128}) { // mr - 1 is 0 when MR = 1
                for (int kc : new int[] {1, 15, 16, 17, 33, 100, 512}) {
                    if (mc < 1) {
                        continue;
                    }
                    check(rnd, plan, transA, mc, kc);
                }
            }
        }
    }

    private static void check(SplittableRandom rnd, Plan plan, boolean transA, int mc, int kc) {
        int i0 = 2, p0 = 3, offset = 5;
        int rows = i0 + mc, cols = p0 + kc; // op(A) is rows × cols
        int lda = (transA ? rows : cols) + 4;
        float[] a = RandomArrays.floats(rnd, offset + lda * (transA ? cols : rows));
        int mr = plan.mr, padded = Plan.roundUp(mc, mr), at = 6;
        float[] dst = new float[at + padded * kc + 20];
        Arrays.fill(dst, POISON);
        Packing.packA(plan, transA, a, offset, lda, i0, p0, mc, kc, dst, at);
        int rowGap = Packing.aRowGap(plan, kc), stepGap = Packing.aStepGap(plan);
        String where = plan.describe() + ", transA " + transA + ", mc " + mc + ", kc " + kc;
        for (int i = 0; i < padded; i++) {
            for (int p = 0; p < kc; p++) {
                int idx = at + i / mr * mr * kc + i % mr * rowGap + p * stepGap;
                float want = i >= mc ? 0f : transA ? a[offset + (p0 + p) * lda + i0 + i] : a[offset + (i0 + i) * lda + p0 + p];
                assertEquals(want, dst[idx], 0f, where + ": row " + i + ", step " + p);
            }
        }
        for (int i = 0; i < at; i++) {
            assertEquals(POISON, dst[i], 0f, where + ": before the panels");
        }
        for (int i = at + padded * kc; i < dst.length; i++) {
            assertEquals(POISON, dst[i], 0f, where + ": past the panels");
        }
    }

    @Test
    void packedBIsOpBOnTheHeapAndOffHeap() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (boolean offHeap : new boolean[] {false, true}) {
            if (offHeap && !PanelsOfB.offHeapAvailable()) {
                continue;
            }
            for (int vectors = 1; vectors <= 4; vectors++) {
                int width = vectors * Species.LANES;
                for (boolean transB : new boolean[] {false, true}) {
                    for (int nc : new int[] {1, width - 1, width, width + 1, 3 * width + 5, 9 * width}) {
                        for (int kc : new int[] {1, 7, 40}) {
                            checkB(rnd, offHeap, width, transB, nc, kc, rnd.nextBoolean());
                        }
                    }
                    // Rows far enough apart that whole panels are packed a group at a time: several groups, the last part-full.
                    checkB(rnd, offHeap, width, transB, 40 * width + 3, 300, false);
                }
            }
        }
    }

    private static void checkB(SplittableRandom rnd, boolean offHeap, int width, boolean transB, int nc, int kc, boolean summing) {
        int p0 = 2, j0 = 3, offset = 5;
        int steps = p0 + kc, cols = j0 + nc; // op(B) is steps × cols
        int ldb = (transB ? steps : cols) + 3;
        float[] b = RandomArrays.floats(rnd, offset + ldb * (transB ? cols : steps));
        int padded = Plan.roundUp(nc, width), at = 16, size = at + padded * kc + 20;
        PanelsOfB dst = PanelsOfB.empty(offHeap).withCapacity(size);
        for (int i = 0; i < size; i++) {
            dst.put(dst.start() + i, POISON);
        }
        float[] sums = summing ? RandomArrays.floats(rnd, nc) : null;
        float[] sumsBefore = summing ? sums.clone() : null;
        Packing.packB(width, transB, b, offset, ldb, p0, j0, kc, nc, dst, dst.start() + at, sums, 0);
        String where = (offHeap ? "off-heap" : "heap") + ", width " + width + ", transB " + transB + ", nc " + nc + ", kc " + kc
                + (summing ? ", summing" : "");
        for (int j = 0; j < padded; j++) {
            double sum = 0;
            for (int p = 0; p < kc; p++) {
                float want = j >= nc ? 0f : transB ? b[offset + (j0 + j) * ldb + p0 + p] : b[offset + (p0 + p) * ldb + j0 + j];
                assertEquals(want, dst.get(dst.start() + at + j / width * width * kc + p * width + j % width), 0f,
                        where + ": column " + j + ", step " + p);
                sum += want;
            }
            if (summing && j < nc) {
                assertEquals(sumsBefore[j] + sum, sums[j], 1e-4 * (1 + Math.abs(sum)), where + ": sum of column " + j);
            }
        }
        for (int i = 0; i < at; i++) {
            assertEquals(POISON, dst.get(dst.start() + i), 0f, where + ": before the panels");
        }
        for (int i = at + padded * kc; i < size; i++) {
            assertEquals(POISON, dst.get(dst.start() + i), 0f, where + ": past the panels");
        }
    }
}
