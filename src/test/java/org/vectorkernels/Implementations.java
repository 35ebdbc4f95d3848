package org.vectorkernels;

import java.util.LinkedHashMap;
import java.util.Map;

import org.vectorkernels.internal.ScalarSgemm;
import org.vectorkernels.internal.SgemmContract;
import org.vectorkernels.reference.NaiveGemm;

/** The SGEMM implementations every JVM configuration can run, by name. */
public final class Implementations {
    private Implementations() {}

    public static Map<String, SgemmFunction> all() {
        Map<String, SgemmFunction> all = new LinkedHashMap<>();
        all.put("Gemm (" + Gemm.implementation() + ")", Gemm::sgemm);
        ScalarSgemm scalar = new ScalarSgemm("test");
        all.put("ScalarSgemm", (ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
                SgemmContract.apply(scalar, ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc));
        all.put("NaiveGemm", NaiveGemm::sgemm);
        return all;
    }
}
