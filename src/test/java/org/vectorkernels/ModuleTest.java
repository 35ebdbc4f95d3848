package org.vectorkernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The compiled classes also work as the named module {@code org.vectorkernels}, on a module path. */
class ModuleTest {
    @Test
    void worksAsANamedModule() throws Exception {
        Path classes = Path.of(Gemm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(classes), ModuleFinder.of(),
                Set.of("org.vectorkernels"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

        Module module = layer.findModule("org.vectorkernels").orElseThrow();
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : module.getDescriptor().exports()) {
            exported.add(e.source());
        }
        assertEquals(Set.of("org.vectorkernels", "org.vectorkernels.reference", "org.vectorkernels.nn", "org.vectorkernels.data"), exported,
                "only the public API is exported; internals and incubator types stay hidden");

        Class<?> gemm = layer.findLoader("org.vectorkernels").loadClass("org.vectorkernels.Gemm");
        assertEquals(module, gemm.getModule());
        Method dense = gemm.getMethod("sgemm", int.class, int.class, int.class,
                float[].class, float[].class, float[].class);
        float[] c = new float[4];
        dense.invoke(null, 2, 2, 3, new float[] {1, 2, 3, 4, 5, 6}, new float[] {1, 0, 0, 1, 1, 1}, c);
        assertArrayEquals(new float[] {4, 5, 10, 11}, c);
    }
}
