// GENERATED from src/main/java/org/vectorkernels/internal/panama/TileStore.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal.panama.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Writes a finished micro-tile to C: {@code C := act(alpha·tile + beta·C + bias)}; beta = 0
 * never reads C, and masks cover short edges. This is where the fused epilogue happens, while
 * the tile is hot, so a bias or ReLU costs no pass over C.
 *
 * <p>The micro-kernel leaves edge tiles and scaled products in a small buffer for this, rather than
 * inlining a masked load and store per accumulator: that much inlined code pushed C2 past its
 * node-count cutoff, after which it stopped intrinsifying and boxed every vector (about 12 GFLOP/s,
 * seen again on Zen 5 when the micro-kernel added C to its tile itself). A whole tile that
 * overwrites C unscaled is stored in C by the micro-kernel, and only a bias or ReLU passes here, in place.
 */
final class TileStore {
    private TileStore() {}

    /**
     * The tile's row r starts at {@code tile[tileIdx + r·ldt]} and has whole vectors up to nr (the
     * buffer's rows, or C's own when the epilogue runs in place); rows [0, mr) and columns [0, nr)
     * of C are written. {@code bias} (null for none) is read from {@code biasIdx}, one element per column.
     */
    static void write(double[] tile, int tileIdx, int ldt, int mr, int nr, double alpha, double beta,
                      double[] c, int cIdx, int ldc, double[] bias, int biasIdx, boolean relu) {
        final int lanes = Species.LANES;
        // Column vectors outside, rows inside: the mask and the bias vector are loaded once per tile column.
        for (int j = 0; j < nr; j += lanes) {
            VectorMask<Double> m = Species.F.indexInRange(j, nr);
            DoubleVector b = bias == null ? DoubleVector.zero(Species.F) : DoubleVector.fromArray(Species.F, bias, biasIdx + j, m);
            for (int r = 0; r < mr; r++) {
                int at = cIdx + r * ldc + j;
                DoubleVector acc = DoubleVector.fromArray(Species.F, tile, tileIdx + r * ldt + j);
                DoubleVector out = beta == 0d ? acc.mul(alpha) : acc.fma(DoubleVector.broadcast(Species.F, alpha),
                        DoubleVector.fromArray(Species.F, c, at, m).mul(beta));
                if (bias != null) {
                    out = out.add(b);
                }
                if (relu) {
                    out = out.lanewise(VectorOperators.MAX, 0d);
                }
                out.intoArray(c, at, m);
            }
        }
    }

    /**
     * Reads the cache lines of the rows of a C tile before the micro-kernel runs, so that they are
     * in L1 when {@link #write} reads them: the loads overlap the FMA loop instead of stalling
     * after it. Their sum goes to the last slot of {@code tile}, past any tile, so that C2 keeps them.
     */
    static void touch(double[] c, int cIdx, int ldc, int mr, int nr, double[] tile) {
        int second = Math.min(nr - 1, Species.LANES);
        double sink = 0d;
        for (int r = 0, at = cIdx; r < mr; r++, at += ldc) {
            sink += c[at] + c[at + second];
        }
        tile[tile.length - 1] = sink;
    }
}
