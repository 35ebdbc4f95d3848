// GENERATED from src/main/java/org/vectorkernels/internal/panama/Packing.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * Copies blocks of op(A) and op(B) into the contiguous, zero-padded micro-panels that the
 * micro-kernel streams through. Transposes, offsets and leading dimensions end here.
 *
 * <p>op(A): panels of MR rows, interleaved or in rows as the profile says (see {@link #packA}). op(B): a block of kc steps by {@code extent}
 * columns is cut into panels of NR columns; element (column s, step p) of panel q lands at
 * {@code q*NR*kc + p*NR + s}, so that each k step of a panel is one row of vectors, and
 * columns past the extent are zero.
 */
final class Packing {
    private Packing() {}

    /**
     * Bytes of each source row that whole panels of B packed together read per k step, whatever
     * the panel width (64×4096×4096 packB with AVX2, Zen 5: 6.1 ms against 7.0 at 512 B and 6.4 at 2 KiB).
     */
    private static final int GROUP_BYTES = 1 << 10;

    /** The most bytes that the kc rows of B to pack may span for packing panel by panel. */
    private static final long PANEL_BY_PANEL_SPAN_BYTES = 64 << 10;

    /**
     * Packs rows [i0, i0+mc) × columns [p0, p0+kc) of op(A) from {@code dst[dstIdx]} on, zero rows up
     * to a whole MR-row panel, in the profile's layout: interleaved (row s, step p of each panel at
     * {@code p·MR + s}: one stream of A for the micro-kernel, not MR) or rows of kc doubles (A not
     * transposed is then a row copy).
     */
    static void packA(Plan plan, boolean transA, double[] a, int aOffset, int lda, int i0, int p0,
                      int mc, int kc, double[] dst, int dstIdx) {
        // op(A)(i, p) = a[origin + i·rowStride + p·stepStride]
        int rowStride = transA ? 1 : lda, stepStride = transA ? lda : 1;
        int origin = aOffset + i0 * rowStride + p0 * stepStride;
        int mr = plan.mr, panels = Math.ceilDiv(mc, mr);
        for (int q = 0; q < panels; q++) {
            int rows = Math.min(mr, mc - q * mr), panel = dstIdx + q * mr * kc;
            int first = origin + q * mr * rowStride;
            if (plan.interleavedA) {
                interleavedPanel(mr, transA, a, first, lda, rows, kc, dst, panel);
            } else {
                rowPanel(transA, a, first, lda, rows, mr, kc, dst, panel);
            }
        }
    }

    /** How far apart packed A's rows are: kc doubles in rows, 1 interleaved. */
    static int aRowGap(Plan plan, int kc) {
        return plan.interleavedA ? 1 : kc;
    }

    /** How far apart packed A's k steps are: 1 in rows, MR interleaved. */
    static int aStepGap(Plan plan) {
        return plan.interleavedA ? plan.mr : 1;
    }

    /** One panel of {@code rows} rows of op(A) from {@code a[first]} on, row s, step p at {@code p·MR + s}. */
    private static void interleavedPanel(int mr, boolean transA, double[] a, int first, int lda, int rows, int kc, double[] dst, int panel) {
        int p = 0;
        if (rows == mr && transA) { // the MR values of a step lie side by side in a
            for (; p < kc; p++) {
                System.arraycopy(a, first + p * lda, dst, panel + p * mr, mr);
            }
        } else if (rows == mr && EightRowTranspose.applies(mr)) {
            p = EightRowTranspose.steps(a, first, lda, kc, dst, panel);
        }
        int rowStride = transA ? 1 : lda, stepStride = transA ? lda : 1;
        for (; p < kc; p++) {
            for (int s = 0; s < mr; s++) {
                dst[panel + p * mr + s] = s < rows ? a[first + s * rowStride + p * stepStride] : 0d;
            }
        }
    }

    /**
     * {@code rows} rows of A (not transposed) from {@code a[first]} on, kc steps each, as rows of kc doubles
     * from {@code dst[dstIdx]} on, zero rows after them up to {@code panelRows}.
     */
    static void packRows(double[] a, int first, int lda, int rows, int panelRows, int kc, double[] dst, int dstIdx) {
        rowPanel(false, a, first, lda, rows, panelRows, kc, dst, dstIdx);
    }

    /** One panel of {@code rows} rows of op(A) from {@code a[first]} on, row s, step p at {@code s·kc + p}, zero rows up to panelRows. */
    private static void rowPanel(boolean transA, double[] a, int first, int lda, int rows, int panelRows, int kc, double[] dst, int panel) {
        if (!transA) {
            for (int s = 0; s < rows; s++) {
                System.arraycopy(a, first + s * lda, dst, panel + s * kc, kc);
            }
        } else {
            // op(A)(i, p) is a[p·lda + i]: the panel's rows are written side by side, each step's
            // contiguous values one to each row.
            if (rows == panelRows) {
                for (int p = 0, src = first; p < kc; p++, src += lda) {
                    for (int s = 0; s < panelRows; s++) {
                        dst[panel + s * kc + p] = a[src + s];
                    }
                }
            } else {
                for (int s = 0; s < rows; s++) {
                    for (int p = 0, src = first + s; p < kc; p++, src += lda) {
                        dst[panel + s * kc + p] = a[src];
                    }
                }
            }
        }
        Arrays.fill(dst, panel + rows * kc, panel + panelRows * kc, 0d);
    }

    /**
     * Packs rows [p0, p0+kc) × columns [j0, j0+nc) of op(B) into NR-column panels from
     * {@code dst[dstIdx]} on; when {@code sums} is not null, also adds each column's kc values to
     * {@code sums[sumsIdx..]}, in order.
     */
    static void packB(int width, boolean transB, double[] b, int bOffset, int ldb, int p0, int j0,
                      int kc, int nc, PanelsOfB dst, int dstIdx, double[] sums, int sumsIdx) {
        int lineStride = transB ? ldb : 1, stepStride = transB ? 1 : ldb;
        int origin = bOffset + j0 * lineStride + p0 * stepStride;
        panels(width, b, origin, lineStride, stepStride, nc, kc, dst, dstIdx, sums, sumsIdx);
    }

    /**
     * Panels of {@code width} contiguous lines from {@code src[origin]} on, up to column {@code whole},
     * by unmasked vectors. Where the kc rows span at most {@link #PANEL_BY_PANEL_SPAN_BYTES}, panel
     * after panel, one loop along k each (64³: 12–16% faster, Zen 5); otherwise whole panels side by
     * side, k step by k step, so that each step reads {@link #GROUP_BYTES} of a row, where
     * panel by panel would read width doubles of kc rows far apart (64×4096×4096: 17% slower so).
     */
    private static void wholePanels(int width, double[] src, int origin, int stepStride, int whole, int kc, PanelsOfB dst, int dstIdx) {
        if ((long) kc * stepStride * Double.BYTES <= PANEL_BY_PANEL_SPAN_BYTES) {
            for (int q = 0, panels = whole / width; q < panels; q++) {
                int first = origin + q * width, panel = dstIdx + q * width * kc;
                for (int p = 0; p < kc; p++) {
                    dst.copy(width, src, first + p * stepStride, panel + p * width);
                }
            }
            return;
        }
        // Loops by panel and step count up by one: a loop whose step is the run-time width is not a
        // counted loop to C2, which then checked every access (64×4096×4096 packB 6.5 against 4.3 ms).
        int panels = whole / width, panelDoubles = width * kc;
        int group = Math.max(1, GROUP_BYTES / (width * Double.BYTES));
        for (int q0 = 0; q0 < panels; q0 += group) {
            int q1 = Math.min(panels, q0 + group);
            for (int p = 0; p < kc; p++) {
                int row = origin + p * stepStride, to = dstIdx + p * width;
                for (int q = q0; q < q1; q++) {
                    dst.copy(width, src, row + q * width, to + q * panelDoubles);
                }
            }
        }
    }

    /** Lines' sums go to {@code sums[sumsIdx + s]} (null for none); only vector-wide or strided panels take them. */
    private static void panels(int width, double[] src, int origin, int lineStride, int stepStride,
                               int extent, int kc, PanelsOfB dst, int dstIdx, double[] sums, int sumsIdx) {
        final int lanes = Species.LANES;
        int whole = lineStride == 1 && sums == null ? extent / width * width : 0;
        wholePanels(width, src, origin, stepStride, whole, kc, dst, dstIdx);
        for (int s0 = whole; s0 < extent; s0 += width) {
            int lines = Math.min(width, extent - s0);
            int panel = dstIdx + s0 * kc;
            int first = origin + s0 * lineStride;
            if (lineStride == 1) {
                // The lines of one k step are contiguous: copy them by vectors; a mask zero-fills the edge.
                for (int v = 0; v < width; v += lanes) {
                    VectorMask<Double> m = Species.F.indexInRange(v, lines);
                    int at = sumsIdx + s0 + v;
                    // Never null: a vector phi with null would be boxed by C2.
                    boolean summing = sums != null;
                    DoubleVector sum = summing ? DoubleVector.fromArray(Species.F, sums, at, m) : DoubleVector.zero(Species.F);
                    for (int p = 0; p < kc; p++) {
                        int from = first + p * stepStride + v;
                        dst.copyPart(src, from, panel + p * width + v, lines - v);
                        if (summing) {
                            sum = sum.add(DoubleVector.fromArray(Species.F, src, from, m));
                        }
                    }
                    if (summing) {
                        sum.intoArray(sums, at, m);
                    }
                }
            } else {
                // Each line is contiguous along k (stepStride is 1). Read four lines side by side, so
                // that every k step is written contiguously and four read streams stay in flight.
                int s = 0;
                for (; s + 4 <= lines; s += 4) {
                    int l0 = first + s * lineStride, l1 = l0 + lineStride, l2 = l1 + lineStride, l3 = l2 + lineStride;
                    for (int p = 0; p < kc; p++) {
                        int d = panel + s + p * width;
                        dst.put(d, src[l0 + p]);
                        dst.put(d + 1, src[l1 + p]);
                        dst.put(d + 2, src[l2 + p]);
                        dst.put(d + 3, src[l3 + p]);
                    }
                }
                for (; s < width; s++) {
                    int line = first + s * lineStride;
                    for (int p = 0; p < kc; p++) {
                        dst.put(panel + s + p * width, s < lines ? src[line + p] : 0d);
                    }
                }
                if (sums != null) {
                    // Summed from the packed copy, which is in L1, in order of p.
                    for (int t = 0; t < lines; t++) {
                        double sum = sums[sumsIdx + s0 + t];
                        for (int p = 0; p < kc; p++) {
                            sum += dst.get(panel + p * width + t);
                        }
                        sums[sumsIdx + s0 + t] = sum;
                    }
                }
            }
        }
    }
}
