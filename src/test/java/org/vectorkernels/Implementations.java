package org.vectorkernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.DynamicTest;

import org.vectorkernels.internal.scalar.ScalarKernels;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.reference.NaiveGemm;

/** The SGEMM implementations every JVM configuration can run, by name. */
public final class Implementations {
    private Implementations() {}

    public static Map<String, SgemmFunction> all() {
        Map<String, SgemmFunction> all = new LinkedHashMap<>();
        all.put("Gemm (" + Gemm.implementation() + ")", Gemm::sgemm);
        ScalarKernels scalar = new ScalarKernels("test");
        all.put("ScalarKernels", (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                SgemmContract.apply(scalar, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc,
                        null, 0, false, null, 0, false));
        all.put("NaiveGemm", NaiveGemm::sgemm);
        return all;
    }

    /** One dynamic test per implementation, each running {@code body} on it. */
    public static List<DynamicTest> each(Consumer<SgemmFunction> body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, SgemmFunction> impl : all().entrySet()) {
            tests.add(DynamicTest.dynamicTest(impl.getKey(), () -> body.accept(impl.getValue())));
        }
        return tests;
    }
}
