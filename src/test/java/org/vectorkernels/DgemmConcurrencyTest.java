// GENERATED from src/test/java/org/vectorkernels/SgemmConcurrencyTest.java by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.
package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Many threads calling at once get the same bits as one thread calling alone. */
class DgemmConcurrencyTest {
    @Test
    void concurrentCallersGetBitwiseTheSameResults() throws Exception {
        SplittableRandom rnd = new SplittableRandom(17);
        List<DoubleGemmCase> cases = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            int size = new int[] {7, 40, 130, 300}[t % 4];
            DoubleGemmCase g = new DoubleGemmCase(rnd, t % 2 == 0, t % 3 == 0, size, size + 3, size + 1, 1d, 0.5d, 3);
            g.run(Gemm::dgemm);
            expected.add(g.c().clone());
            g.resetC();
            cases.add(g);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<?>> futures = new ArrayList<>();
                for (DoubleGemmCase g : cases) {
                    futures.add(pool.submit(() -> {
                        g.resetC();
                        g.run(Gemm::dgemm);
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                for (int t = 0; t < cases.size(); t++) {
                    assertArrayEquals(expected.get(t), cases.get(t).c(), cases.get(t).toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
