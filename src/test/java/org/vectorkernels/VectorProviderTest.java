package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build runs the tests in three JVM configurations and tells each, through system
 * properties, which kernels it must have picked: this test fails if the configuration did not
 * take effect (a flag lost, AVX2 not applied), so the other tests really cover that path.
 */
class VectorProviderTest {
    @Test
    void pickedTheExpectedKernels() {
        String expect = System.getProperty("vectorkernels.expect");
        assumeTrue(expect != null, "run outside the Maven build");
        String impl = Gemm.implementation();
        assertTrue(impl.startsWith(expect.equals("vector") ? "panama" : "scalar"), impl);
        String bits = System.getProperty("vectorkernels.expectBits");
        if (bits != null) {
            assertTrue(impl.contains(bits + "-bit"), impl);
        }
        String rows = System.getProperty("vectorkernels.expectTileRows");
        if (rows != null) {
            assertTrue(impl.matches(".*\\b" + rows + "x\\d+ micro-tile.*"), impl);
        }
        String narrow = System.getProperty("vectorkernels.expectNarrowEdge");
        if (narrow != null) {
            assertEquals(Boolean.parseBoolean(narrow), impl.contains("1-vector on a narrow last panel"), impl);
        }
        String interleaved = System.getProperty("vectorkernels.expectInterleavedA");
        if (interleaved != null) {
            assertTrue(impl.contains(Boolean.parseBoolean(interleaved) ? "A packed interleaved" : "A packed in rows"), impl);
        }
        String wide = System.getProperty("vectorkernels.expectWideTile");
        if (wide != null) {
            assertEquals(Boolean.parseBoolean(wide), impl.contains("where A is read in place"), impl);
        }
    }

    @Test
    void withoutTheModuleTheScalarPathSaysWhichFlagToAdd() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty());
        assertTrue(Gemm.implementation().contains("--add-modules jdk.incubator.vector"), Gemm.implementation());
    }
}
