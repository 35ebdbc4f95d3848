package org.vectorkernels.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vectorkernels.Gemm;
import org.vectorkernels.RandomArrays;

/**
 * Packed B lies off-heap exactly where the JVM can (JDK 22 and later, the jar's classes for 22 in
 * sight, not turned off), and a JVM whose direct memory is too small for it keeps computing right
 * answers with panels on the heap, and says so.
 */
class OffHeapPanelsTest {
    @Test
    void offHeapWhereTheJvmCan() {
        boolean wanted = !"false".equals(System.getProperty("vectorkernels.offHeapPanels"));
        assertEquals(wanted && Runtime.version().feature() >= 22, PanelsOfB.offHeapAvailable());
        assertEquals(PanelsOfB.offHeapAvailable(), new PanamaKernels().plan.offHeapB);
        assertTrue(Gemm.implementation().contains(PanelsOfB.offHeapAvailable() ? "B packed off-heap" : "B packed on the heap"),
                Gemm.implementation());
    }

    @Test
    void runningOutOfDirectMemoryKeepsPanelsOnTheHeap() throws Exception {
        if (!PanelsOfB.offHeapAvailable()) {
            return; // nothing off-heap to run out of
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:MaxDirectMemorySize=64k",
                "-cp", System.getProperty("java.class.path"), SmallDirectMemory.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("packed panels stay on the heap from now on") && out.contains("B packed on the heap"), out);
    }

    /** A product whose packed B (256 KiB) does not fit 64 KiB of direct memory, against the double reference. */
    static final class SmallDirectMemory {
        public static void main(String[] args) {
            int n = 256;
            SplittableRandom rnd = new SplittableRandom(8);
            float[] a = RandomArrays.floats(rnd, n * n), b = RandomArrays.floats(rnd, n * n), c = new float[n * n];
            for (int call = 0; call < 2; call++) {
                Gemm.sgemm(n, n, n, a, b, c);
            }
            for (int i = 0; i < n; i += 37) {
                for (int j = 0; j < n; j += 11) {
                    double want = 0, scale = 0;
                    for (int p = 0; p < n; p++) {
                        want += (double) a[i * n + p] * b[p * n + j];
                        scale += Math.abs((double) a[i * n + p] * b[p * n + j]);
                    }
                    if (Math.abs(c[i * n + j] - want) > 1e-5 * scale + 1e-30) {
                        System.out.println("wrong at " + i + ", " + j + ": " + c[i * n + j] + " against " + want);
                        System.exit(1);
                    }
                }
            }
            System.out.println(Gemm.implementation());
        }
    }
}
