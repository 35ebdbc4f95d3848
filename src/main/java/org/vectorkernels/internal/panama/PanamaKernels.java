package org.vectorkernels.internal.panama;

import java.util.ArrayList;
import java.util.List;

import org.vectorkernels.internal.DoublePackedOperand;
import org.vectorkernels.internal.Kernels;
import org.vectorkernels.internal.PackedOperand;
import org.vectorkernels.internal.config.Cpu;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.config.Profiles;
import org.vectorkernels.internal.panama.f64.DgemmPaths;
import org.vectorkernels.internal.panama.kernels.FloatTileKernel;
import org.vectorkernels.internal.panama.kernels.FloatTileKernels;
import org.vectorkernels.internal.scalar.ScalarKernels;

/**
 * The Vector API kernels, for one {@link Plan}: SGEMM by {@link SgemmPaths}, the column sums and
 * the layers' element-wise functions. The default instance runs the plan of the profile this
 * machine gets ({@link Profiles#select}); others run side by side in one JVM.
 */
public class PanamaKernels implements Kernels { // not final: a test redirects its sgemm to one path
    private static final System.Logger LOG = System.getLogger("org.vectorkernels");
    /** This machine's CPU, read once per JVM: the tuner makes a plan per candidate. */
    private static final Cpu CPU = Cpu.detect();

    final Plan plan;
    /**
     * The double precision plan, made at the first double call (float users load no double class):
     * this one's tile, flags and heap choice, KC halved ({@link Profiles#doubleOf}). Plans are
     * immutable, so two threads that both make it leave an equal one.
     */
    private volatile org.vectorkernels.internal.panama.f64.Plan doublePlan;

    /** The kernels of the profile this machine gets; anything amiss in its choice is logged, once per instance. */
    public PanamaKernels() {
        this(Plan.of(Profiles.select(Species.F.vectorBitSize(), CPU, Plan::runs,
                w -> LOG.log(System.Logger.Level.WARNING, "vector-kernels: " + w))).orElseThrow());
    }

    /** The kernels of {@code profile}, which must have a generated kernel of its tile ({@link #runs}). */
    public PanamaKernels(Profile profile) {
        this(Plan.of(profile).orElseThrow(() -> new IllegalArgumentException("no generated kernel serves " + profile)));
    }

    /** The kernels of {@code plan}. */
    PanamaKernels(Plan plan) {
        if (Species.F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vectors of " + Species.F.vectorBitSize()
                    + " bits are too narrow to pay off");
        }
        this.plan = plan;
    }

    private org.vectorkernels.internal.panama.f64.Plan doublePlan() {
        org.vectorkernels.internal.panama.f64.Plan p = doublePlan;
        if (p == null) { // every float tile has its double twin: the generator writes both from one list
            p = org.vectorkernels.internal.panama.f64.Plan.of(Profiles.doubleOf(plan.profile), plan.offHeapB).orElseThrow();
            doublePlan = p;
        }
        return p;
    }

    /** Whether generated kernels serve every tile of {@code profile}. */
    public static boolean runs(Profile profile) {
        return Plan.runs(profile);
    }

    /** The tiles a profile may name, {rows, vectors}: those generated for every layout of A. */
    public static List<int[]> tiles() {
        List<int[]> tiles = new ArrayList<>();
        for (FloatTileKernel k : FloatTileKernels.all()) {
            if (k.layout().equals("rows") && k.panelVectors() == k.vectors()) {
                tiles.add(new int[] {k.rows(), k.vectors()});
            }
        }
        return tiles;
    }

    /** The bits of this JVM's vectors. */
    public static int vectorBits() {
        return Species.F.vectorBitSize();
    }

    /** The profile these kernels run. */
    public Profile profile() {
        return plan.profile;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu,
                      float[] sums, int sumsOffset) {
        SgemmPaths.sgemm(plan, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                bias, biasOffset, relu, sums, sumsOffset);
    }

    @Override
    public PackedOperand packB(boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        return SgemmPaths.packB(plan, this, transB, k, n, b, bOffset, ldb);
    }

    @Override
    public void sgemm(boolean transA, int m, float alpha, float[] a, int aOffset, int lda, PackedOperand b,
                      float beta, float[] c, int cOffset, int ldc, float[] bias, int biasOffset, boolean relu) {
        SgemmPaths.sgemm(plan, transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, bias, biasOffset, relu);
    }

    @Override
    public void sumRows(int m, int n, float[] x, int xOffset, int ldx, float[] out, int outOffset) {
        SgemmPaths.sumRows(m, n, x, xOffset, ldx, out, outOffset);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu,
                      double[] sums, int sumsOffset) {
        DgemmPaths.dgemm(doublePlan(), transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                bias, biasOffset, relu, sums, sumsOffset);
    }

    @Override
    public DoublePackedOperand packB(boolean transB, int k, int n, double[] b, int bOffset, int ldb) {
        return DgemmPaths.packB(doublePlan(), this, transB, k, n, b, bOffset, ldb);
    }

    @Override
    public void dgemm(boolean transA, int m, double alpha, double[] a, int aOffset, int lda, DoublePackedOperand b,
                      double beta, double[] c, int cOffset, int ldc, double[] bias, int biasOffset, boolean relu) {
        DgemmPaths.dgemm(doublePlan(), transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, bias, biasOffset, relu);
    }

    @Override
    public void sumRows(int m, int n, double[] x, int xOffset, int ldx, double[] out, int outOffset) {
        DgemmPaths.sumRows(m, n, x, xOffset, ldx, out, outOffset);
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
        if (n < Species.LANES) { // 10 classes in a 16-lane vector: plain loops were faster (6.9 against 9.9 µs at 100×10, Zen 5)
            ScalarKernels.softmax(m, n, x, y, logSumExp);
            return;
        }
        Elementwise.softmaxRows(m, n, x, y, logSumExp);
    }

    @Override
    public String description() {
        return "panama: " + Species.F.vectorBitSize() + "-bit vectors, " + plan.describe() + ", on " + CPU.describe();
    }
}
