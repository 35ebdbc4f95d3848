package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/**
 * One SGEMM problem on random data, checked the way the reference BLAS test program (sblat3)
 * does, by the ratio |got − exact| / (eps·(|alpha|·Σ|a·b| + |beta·c|)), against a double-double
 * result ({@link ExactSum}, more than the precision under test in either twin), with every element
 * outside C's region (offset prefix, row padding, tail) poisoned and required unchanged bit for bit.
 */
public final class GemmCase {
    static final float POISON = Bits.POISON_FLOAT;
    static final double EPS = Math.ulp(1f);

    final boolean transA, transB;
    final int m, n, k;
    final float alpha, beta;
    final int aOffset, lda, bOffset, ldb, cOffset, ldc;
    final float[] a, b, c, cBefore;

    /** A problem with random offsets and leading-dimension padding in [0, pad]. */
    public GemmCase(SplittableRandom rnd, boolean transA, boolean transB, int m, int n, int k,
                    float alpha, float beta, int pad) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        aOffset = rnd.nextInt(pad + 1);
        bOffset = rnd.nextInt(pad + 1);
        cOffset = rnd.nextInt(pad + 1);
        lda = Math.max(1, aCols) + rnd.nextInt(pad + 1);
        ldb = Math.max(1, bCols) + rnd.nextInt(pad + 1);
        ldc = Math.max(1, n) + rnd.nextInt(pad + 1);
        a = filled(rnd, aOffset, lda, aRows, aCols, pad);
        b = filled(rnd, bOffset, ldb, bRows, bCols, pad);
        c = filled(rnd, cOffset, ldc, m, n, pad);
        if (beta == 0f) {
            // BLAS: beta = 0 must not read C, so garbage there may not reach the result.
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOffset + i * ldc + j] = Float.NaN;
                }
            }
        }
        cBefore = c.clone();
    }

    private static float[] filled(SplittableRandom rnd, int offset, int ld, int rows, int cols, int pad) {
        int length = rows == 0 ? offset + pad : offset + (rows - 1) * ld + cols + rnd.nextInt(pad + 1);
        float[] x = new float[length];
        java.util.Arrays.fill(x, POISON);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[offset + i * ld + j] = (float) (rnd.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    public void run(SgemmFunction f) {
        f.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /** Runs {@code f} and checks C's region for accuracy and everything else for being untouched. */
    public void runAndCheck(SgemmFunction f) {
        run(f);
        check();
    }

    public void check() {
        double limit = 16 * Math.max(1, Math.sqrt(k));
        boolean[] inC = new boolean[c.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ij = cOffset + i * ldc + j;
                inC[ij] = true;
                ExactSum sum = new ExactSum();
                for (int p = 0; p < k; p++) {
                    sum.addProduct(a(i, p), b(p, j));
                }
                double exact = alpha * sum.value(), magnitude = Math.abs(alpha) * sum.magnitude();
                if (beta != 0f) {
                    exact += (double) beta * cBefore[ij];
                    magnitude += Math.abs((double) beta * cBefore[ij]);
                }
                double err = Math.abs(c[ij] - exact);
                if (!(err <= limit * EPS * magnitude)) {
                    fail(this + ": C(" + i + "," + j + ") = " + c[ij] + ", exact " + exact
                            + ", error " + err / (EPS * magnitude) + " eps·magnitude (limit " + limit + ")");
                }
            }
        }
        for (int x = 0; x < c.length; x++) {
            if (!inC[x]) {
                assertEquals(Bits.of(cBefore[x]), Bits.of(c[x]),
                        () -> this + ": C padding was written");
            }
        }
    }

    float a(int i, int p) {
        return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
    }

    float b(int p, int j) {
        return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
    }

    /** The same problem on copies of the arrays. */
    public GemmCase copy() {
        return new GemmCase(this);
    }

    private GemmCase(GemmCase o) {
        transA = o.transA;
        transB = o.transB;
        m = o.m;
        n = o.n;
        k = o.k;
        alpha = o.alpha;
        beta = o.beta;
        aOffset = o.aOffset;
        lda = o.lda;
        bOffset = o.bOffset;
        ldb = o.ldb;
        cOffset = o.cOffset;
        ldc = o.ldc;
        a = o.a.clone();
        b = o.b.clone();
        c = o.c.clone();
        cBefore = o.cBefore.clone();
    }

    /** C's current contents, for bitwise comparisons between runs. */
    public float[] c() {
        return c;
    }

    /** B as stored, and how: for packing it outside a run. */
    public float[] b() {
        return b;
    }

    public boolean transB() {
        return transB;
    }

    public int bOffset() {
        return bOffset;
    }

    public int ldb() {
        return ldb;
    }

    public int n() {
        return n;
    }

    public int k() {
        return k;
    }

    /** Puts C back as it was before the run. */
    public void resetC() {
        System.arraycopy(cBefore, 0, c, 0, c.length);
    }

    @Override
    public String toString() {
        return String.format("sgemm(transA=%b, transB=%b, m=%d, n=%d, k=%d, alpha=%s, beta=%s, "
                        + "aOffset=%d, lda=%d, bOffset=%d, ldb=%d, cOffset=%d, ldc=%d)",
                transA, transB, m, n, k, alpha, beta, aOffset, lda, bOffset, ldb, cOffset, ldc);
    }
}
