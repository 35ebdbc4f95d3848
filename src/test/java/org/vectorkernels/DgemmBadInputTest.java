// GENERATED from src/test/java/org/vectorkernels/SgemmBadInputTest.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every kind of bad argument gets a clear exception naming it, and C is left as it was. */
class DgemmBadInputTest {
    /** A valid call, C = A·Bᵀ with m = 3, n = 4, k = 5 and padded leading dimensions, that each case breaks once. */
    static final class Call {
        boolean ta = false, tb = true;
        int m = 3, n = 4, k = 5, aOffset = 1, lda = 6, bOffset = 2, ldb = 5, cOffset = 0, ldc = 4;
        double[] a = new double[1 + 2 * 6 + 5], b = new double[2 + 3 * 5 + 5], c = new double[3 * 4];

        Call() {
            java.util.Arrays.fill(c, 42d);
        }

        void run(DgemmFunction f) {
            f.dgemm(ta, tb, m, n, k, 1d, a, aOffset, lda, b, bOffset, ldb, 0d, c, cOffset, ldc);
        }
    }

    record Bad(String name, Class<? extends RuntimeException> type, Consumer<Call> breaker) {}

    static final List<Bad> CASES = List.of(
            new Bad("m", IllegalArgumentException.class, x -> x.m = -1),
            new Bad("n", IllegalArgumentException.class, x -> x.n = -2),
            new Bad("k", IllegalArgumentException.class, x -> x.k = -3),
            new Bad("lda", IllegalArgumentException.class, x -> x.lda = 4),
            new Bad("ldb", IllegalArgumentException.class, x -> x.ldb = 4),
            new Bad("ldc", IllegalArgumentException.class, x -> x.ldc = 3),
            new Bad("lda", IllegalArgumentException.class, x -> { x.ta = true; x.lda = 2; }),
            new Bad("ldb", IllegalArgumentException.class, x -> { x.tb = false; x.ldb = 3; }),
            new Bad("aOffset", IllegalArgumentException.class, x -> x.aOffset = -1),
            new Bad("bOffset", IllegalArgumentException.class, x -> x.bOffset = -1),
            new Bad("cOffset", IllegalArgumentException.class, x -> x.cOffset = -1),
            new Bad("a", IllegalArgumentException.class, x -> x.aOffset = 2),
            new Bad("b", IllegalArgumentException.class, x -> x.ldb = 6),
            new Bad("c", IllegalArgumentException.class, x -> x.cOffset = 1),
            new Bad("c", IllegalArgumentException.class, x -> x.ldc = 5),
            new Bad("a", IllegalArgumentException.class, x -> x.ta = true),
            new Bad("a", NullPointerException.class, x -> x.a = null),
            new Bad("b", NullPointerException.class, x -> x.b = null),
            new Bad("c", NullPointerException.class, x -> x.c = null),
            // Products that overflow int must be caught in long arithmetic, not wrap past the check.
            new Bad("a", IllegalArgumentException.class, x -> { x.m = 65536; x.lda = 65536; }),
            new Bad("c", IllegalArgumentException.class, x -> x.ldc = Integer.MAX_VALUE));

    @TestFactory
    List<DynamicTest> everyBadArgumentIsNamedAndCUntouched() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, DgemmFunction> impl : DoubleImplementations.all().entrySet()) {
            for (Bad bad : CASES) {
                tests.add(DynamicTest.dynamicTest(impl.getKey() + ": bad " + bad.name(), () -> {
                    Call call = new Call();
                    call.run(impl.getValue()); // the unbroken call is valid
                    Call broken = new Call();
                    double[] before = broken.c.clone();
                    bad.breaker().accept(broken);
                    RuntimeException e = assertThrows(bad.type(), () -> broken.run(impl.getValue()));
                    assertTrue(e.getMessage().startsWith(bad.name() + " ")
                                    || e.getMessage().equals(bad.name()),
                            () -> "message should name " + bad.name() + ": " + e.getMessage());
                    if (broken.c != null) {
                        assertArrayEquals(before, broken.c, "C must be unchanged after bad input");
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void denseOverloadChecksLengths() {
        double[] c = {7d, 7d};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.dgemm(1, 2, 3, new double[3], new double[5], c));
        assertTrue(e.getMessage().startsWith("b "), e.getMessage());
        assertArrayEquals(new double[] {7d, 7d}, c);
    }
}
