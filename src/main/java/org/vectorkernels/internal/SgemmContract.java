package org.vectorkernels.internal;

import java.util.Objects;

import org.vectorkernels.Epilogue;
import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * The parts of the SGEMM contract that every kernel shares: validation before any write, and
 * the BLAS cases that need no product (m or n = 0; k = 0 or alpha = 0).
 */
public final class SgemmContract {
    /** The system property that sets the split threshold for the scalar kernels and overrides the profile's. */
    public static final String PARALLEL_MIN_VOLUME_PROPERTY = "vectorkernels.parallelMinVolume";

    /**
     * m·n·k per thread below which the scalar kernels' sgemm does not split over threads (measured:
     * see the README); the Vector API kernels take theirs from the CPU's profile.
     */
    public static final long PARALLEL_MIN_VOLUME = Long.getLong(PARALLEL_MIN_VOLUME_PROPERTY, 128L * 128 * 128);

    private SgemmContract() {}

    /**
     * m·n·k per part from which a split pays even when it must wake a parked worker: on the 2-vCPU
     * Zen 5 VM waking one cost more than the split of 100×784×100 saved (the example trained on 2
     * threads at about 140,000 images/s, on one at 250,000), while back to back, with the worker
     * still polling, that split took 83 instead of 123 µs (JMH). 8 Mi, not more: with 64 Mi a run of
     * 256×784×512 calls (parts of 51 Mi) never split, since the roused worker parked again before
     * the next call (2 threads: 1,120 µs, as on one; with 8 Mi 610 and 769). Not measured on Zen 4.
     */
    public static final long WAKE_MIN_VOLUME = Long.getLong("vectorkernels.wakeMinVolume", 8L << 20);

    /**
     * The number of parts an sgemm of this size is worth, at most the thread count: 1 keeps it on
     * the calling thread; no part smaller than {@code minVolume}. Parts smaller than
     * {@link #WAKE_MIN_VOLUME} are made only when an idle worker is awake to take them.
     */
    public static int parts(int m, int n, int k, long minVolume) {
        long volume = (long) m * n * k;
        int parts = (int) Math.max(1, Math.min(org.vectorkernels.Parallelism.threads(), volume / minVolume));
        if (parts > 1 && volume / parts < WAKE_MIN_VOLUME && !WorkerPool.workerAwake(parts - 1)) {
            return 1;
        }
        return parts;
    }

    /**
     * {@code C := act(alpha·op(A)·op(B) + beta·C + 1·biasᵀ)}; when {@code sums} is not null also
     * {@code sums[j] := (accumulate ? sums[j] : 0) + Σ_p op(B)(p, j)}.
     */
    public static void apply(Kernels kernels, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, Epilogue epilogue,
                             float[] sums, int sumsOffset, boolean accumulate) {
        GemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        checkEpilogue(epilogue, n);
        if (sums != null) {
            GemmChecks.vector("sums", "sumsOffset", sums, sumsOffset, n);
            if (!accumulate) {
                java.util.Arrays.fill(sums, sumsOffset, sumsOffset + n, 0f);
            }
        }
        if (m > 0 && n > 0 && k > 0 && alpha != 0f) {
            kernels.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    epilogue, sums, sumsOffset);
            return;
        }
        finishWithoutProduct(m, n, beta, c, cOffset, ldc, epilogue);
        if (sums != null && n > 0 && k > 0) { // the sums still need B
            ScalarKernels.sumColumnsOfOpB(transB, n, k, b, bOffset, ldb, sums, sumsOffset, kernels);
        }
    }

    /** No kernels pack B into panels wider than this: it bounds the size of a packed copy. */
    private static final int WIDEST_PANEL = 64;

    /** op(B) packed by {@code kernels}, after checking every argument (the copy must fit one array). */
    public static PackedOperand pack(Kernels kernels, boolean transB, int k, int n, float[] b, int bOffset, int ldb) {
        Objects.requireNonNull(b, "b");
        GemmChecks.nonNegative("k", k);
        GemmChecks.nonNegative("n", n);
        GemmChecks.matrix("b", "bOffset", "ldb", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        long floats = (long) k * ((n + WIDEST_PANEL - 1) / WIDEST_PANEL * WIDEST_PANEL) + WIDEST_PANEL;
        if (floats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("b is too large to pack: k = " + k + " and n = " + n
                    + " need about " + floats + " floats, more than one Java array holds");
        }
        return kernels.packB(transB, k, n, b, bOffset, ldb);
    }

    /** {@code C := act(alpha·op(A)·B + beta·C + 1·biasᵀ)} with B packed by {@link #pack}, k and n its own. */
    public static void apply(Kernels kernels, boolean transA, int m, float alpha, float[] a, int aOffset, int lda,
                             PackedOperand b, float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (b.packer() != kernels) {
            throw new IllegalArgumentException("b was packed by other kernels (" + b.packer().description()
                    + ") than these (" + kernels.description() + ")");
        }
        int k = b.k(), n = b.n();
        GemmChecks.nonNegative("m", m);
        try {
            GemmChecks.matrix("a", "aOffset", "lda", a, aOffset, lda, transA ? k : m, transA ? m : k);
            GemmChecks.matrix("c", "cOffset", "ldc", c, cOffset, ldc, m, n);
        } catch (IllegalArgumentException e) { // k and n come from b: an A of another depth is reported against it
            throw new IllegalArgumentException(e.getMessage() + " (k = " + k + " and n = " + n
                    + " are those of the packed b)", e);
        }
        checkEpilogue(epilogue, n);
        if (m > 0 && n > 0 && k > 0 && alpha != 0f) {
            kernels.sgemm(transA, m, alpha, a, aOffset, lda, b, beta, c, cOffset, ldc, epilogue);
        } else {
            finishWithoutProduct(m, n, beta, c, cOffset, ldc, epilogue);
        }
    }

    /** A non-null epilogue whose bias, if any, holds n values. */
    private static void checkEpilogue(Epilogue epilogue, int n) {
        Objects.requireNonNull(epilogue, "epilogue");
        if (epilogue.bias() != null) {
            GemmChecks.vector("bias", "biasOffset", epilogue.bias(), epilogue.biasOffset(), n);
        }
    }

    /** The BLAS cases without a product (m or n = 0, k = 0, alpha = 0): C := act(beta·C + bias). */
    private static void finishWithoutProduct(int m, int n, float beta, float[] c, int cOffset, int ldc, Epilogue epilogue) {
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = ScalarKernels.finish(0f, 0f, beta, c[row + j], epilogue, j);
            }
        }
    }
}
