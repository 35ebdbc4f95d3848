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
    /** The double precision profile, planned at the first double call (float users load no double class). */
    private final Profile doubleProfile;
    /** That plan, with this one's heap choice. Plans are immutable, so two threads that both make it leave an equal one. */
    private volatile org.vectorkernels.internal.panama.f64.Plan doublePlan;

    /** The kernels of the profiles this machine gets; anything amiss in their choice is logged, once per instance. */
    public PanamaKernels() {
        this(Plan.of(Profiles.select(Species.F.vectorBitSize(), CPU, Plan::runs, PanamaKernels::warn)).orElseThrow(), null);
    }

    /** The kernels of {@code profile}, which must have a generated kernel of its tile ({@link #runs}), and its double profile. */
    public PanamaKernels(Profile profile) {
        this(profile, Profiles.forDouble(profile));
    }

    /** The kernels of a float and a double profile, each of which must have generated kernels ({@link #runs}, {@link #runsDouble}). */
    public PanamaKernels(Profile profile, Profile doubleProfile) {
        this(Plan.of(profile).orElseThrow(() -> new IllegalArgumentException("no generated kernel serves " + profile)), doubleProfile);
    }

    /** The kernels of {@code plan}, and the double profile that goes with its profile. */
    PanamaKernels(Plan plan) {
        this(plan, Profiles.forDouble(plan.profile));
    }

    /** {@code doubleProfile} null: the one this machine gets beside {@code plan}'s ({@link Profiles#selectDouble}). */
    private PanamaKernels(Plan plan, Profile doubleProfile) {
        if (Species.F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vectors of " + Species.F.vectorBitSize()
                    + " bits are too narrow to pay off");
        }
        this.plan = plan;
        this.doubleProfile = doubleProfile != null ? doubleProfile
                : Profiles.selectDouble(plan.profile, Species.F.vectorBitSize(), CPU, PanamaKernels::runsDouble, PanamaKernels::warn);
    }

    private static void warn(String w) {
        LOG.log(System.Logger.Level.WARNING, "vector-kernels: " + w);
    }

    private org.vectorkernels.internal.panama.f64.Plan doublePlan() {
        org.vectorkernels.internal.panama.f64.Plan p = doublePlan;
        if (p == null) { // every shipped double profile and every twin of a float tile runs (DgemmPathsTest)
            p = org.vectorkernels.internal.panama.f64.Plan.of(doubleProfile, plan.offHeapB).orElseThrow(
                    () -> new IllegalArgumentException("no generated double kernel serves " + doubleProfile));
            doublePlan = p;
        }
        return p;
    }

    /** Whether generated double kernels serve every tile of {@code profile}. */
    public static boolean runsDouble(Profile profile) {
        return org.vectorkernels.internal.panama.f64.Plan.runs(profile);
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

    /** The profile these kernels run in double precision. */
    public Profile doubleProfile() {
        return doubleProfile;
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
        // Double's profile is described, not planned, so that naming it loads no double class.
        return "panama: " + Species.F.vectorBitSize() + "-bit vectors, " + plan.describe() + "; double precision: "
                + doubleProfile.describe(Species.LANES / 2) + ", on " + CPU.describe();
    }
}
