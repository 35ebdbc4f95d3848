// GENERATED from src/test/java/org/vectorkernels/EpilogueSgemm.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

/** An SGEMM path that takes an epilogue, as {@code Gemm.dgemm(..., DoubleEpilogue)} does. */
@FunctionalInterface
public interface EpilogueDgemm {
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc, DoubleEpilogue epilogue);
}
