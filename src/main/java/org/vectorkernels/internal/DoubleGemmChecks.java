// GENERATED from src/main/java/org/vectorkernels/internal/GemmChecks.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels.internal;

import java.util.Objects;

/** Argument validation shared by every SGEMM entry point; bounds arithmetic is done in long. */
public final class DoubleGemmChecks {
    private DoubleGemmChecks() {}

    /** Throws NullPointerException or IllegalArgumentException, naming the parameter, on bad input. */
    public static void check(boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                             double[] c, int cOffset, int ldc) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        // Stored shapes: A is m×k (k×m when transposed), B is k×n (n×k when transposed), C is m×n.
        matrix("a", "aOffset", "lda", a, aOffset, lda, transA ? k : m, transA ? m : k);
        matrix("b", "bOffset", "ldb", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        matrix("c", "cOffset", "ldc", c, cOffset, ldc, m, n);
    }

    /**
     * Checks that {@code x} holds a rows×cols row-major matrix starting at {@code offset}
     * with leading dimension {@code ld}.
     */
    public static void matrix(String name, String offsetName, String ldName, double[] x,
                              int offset, int ld, int rows, int cols) {
        if (offset < 0) {
            throw new IllegalArgumentException(offsetName + " = " + offset + " is negative");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(ldName + " = " + ld + " is smaller than the row length "
                    + cols + " of the stored " + rows + "×" + cols + " matrix " + name);
        }
        long needed = rows == 0 || cols == 0 ? offset : offset + (long) (rows - 1) * ld + cols;
        if (needed > x.length) {
            throw new IllegalArgumentException(name + " is too short: length " + x.length + ", but a "
                    + rows + "×" + cols + " matrix at " + offsetName + " = " + offset + " with "
                    + ldName + " = " + ld + " needs " + needed);
        }
    }

    /** Checks that {@code x} holds n elements from {@code offset}. */
    public static void vector(String name, String offsetName, double[] x, int offset, int n) {
        if (offset < 0) {
            throw new IllegalArgumentException(offsetName + " = " + offset + " is negative");
        }
        if ((long) offset + n > x.length) {
            throw new IllegalArgumentException(name + " is too short: length " + x.length + ", but " + n
                    + " elements at " + offsetName + " = " + offset + " need " + ((long) offset + n));
        }
    }

    public static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " = " + value + " is negative");
        }
    }

    /** C := beta·C over the m×n region; beta = 0 writes zeros without reading C. */
    public static void scaleC(int m, int n, double beta, double[] c, int cOffset, int ldc) {
        if (beta == 1d) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = row; j < row + n; j++) {
                c[j] = beta == 0d ? 0d : beta * c[j];
            }
        }
    }
}
