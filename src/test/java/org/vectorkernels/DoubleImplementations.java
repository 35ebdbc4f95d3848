// GENERATED from src/test/java/org/vectorkernels/Implementations.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.DynamicTest;

import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.DgemmContract;
import org.vectorkernels.reference.DoubleNaiveGemm;

/** The SGEMM implementations every JVM configuration can run, by name. */
public final class DoubleImplementations {
    private DoubleImplementations() {}

    public static Map<String, DgemmFunction> all() {
        Map<String, DgemmFunction> all = new LinkedHashMap<>();
        all.put("Gemm (" + Gemm.implementation() + ")", Gemm::dgemm);
        ScalarKernels scalar = new ScalarKernels("test");
        all.put("ScalarKernels", (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                DgemmContract.apply(scalar, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                        null, 0, false, null, 0, false));
        all.put("DoubleNaiveGemm", DoubleNaiveGemm::dgemm);
        return all;
    }

    /** One dynamic test per implementation, each running {@code body} on it. */
    public static List<DynamicTest> each(Consumer<DgemmFunction> body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, DgemmFunction> impl : all().entrySet()) {
            tests.add(DynamicTest.dynamicTest(impl.getKey(), () -> body.accept(impl.getValue())));
        }
        return tests;
    }
}
