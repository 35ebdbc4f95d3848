// GENERATED from src/test/java/org/vectorkernels/SgemmFunction.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

/** Any implementation with the {@code Gemm.dgemm} contract, so one test body checks them all. */
@FunctionalInterface
public interface DgemmFunction {
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
               double beta, double[] c, int cOffset, int ldc);
}
