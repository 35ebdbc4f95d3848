package org.vectorkernels.internal.panama.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.vectorkernels.GeneratedFiles;
import org.vectorkernels.generator.MicroKernelGenerator;

/**
 * The committed micro-kernels are exactly what {@link MicroKernelGenerator} writes: a kernel
 * edited by hand, one the generator no longer writes, or one it writes that is missing fails
 * here, with the command that regenerates them. Every file in the package is generated.
 */
class GeneratedKernelsTest {
    private static final Path ROOT = Path.of("src/main");
    private static final String REGENERATE =
            "; regenerate: java src/generator/java/org/vectorkernels/generator/MicroKernelGenerator.java src/main";

    @Test
    void everyCommittedKernelIsWhatTheGeneratorWrites() throws IOException {
        GeneratedFiles.assertCommitted(ROOT, MicroKernelGenerator.files(), MicroKernelGenerator.generatedDirs(), REGENERATE);
    }

    @Test
    void eachRegistryListsEveryGeneratedKernelOnce() {
        check(MicroKernelGenerator.Elem.FLOAT, FloatTileKernels.all(),
                v -> FloatTileKernels.find(v.rows(), v.vectors(), v.panelVectors(), layout(v)).map(k -> (Object) k), k -> ((FloatTileKernel) k).id());
        check(MicroKernelGenerator.Elem.DOUBLE, DoubleTileKernels.all(),
                v -> DoubleTileKernels.find(v.rows(), v.vectors(), v.panelVectors(), layout(v)).map(k -> (Object) k), k -> ((DoubleTileKernel) k).id());
    }

    private static void check(MicroKernelGenerator.Elem e, List<?> registry, Function<MicroKernelGenerator.Variant, Optional<Object>> find,
                              ToIntFunction<Object> id) {
        List<MicroKernelGenerator.Variant> variants = MicroKernelGenerator.variants(e);
        assertEquals(variants.size(), registry.size(), e + " registry");
        for (MicroKernelGenerator.Variant v : variants) {
            Object k = find.apply(v).orElseThrow();
            assertEquals(v.className(), k.getClass().getSimpleName());
            assertEquals(variants.indexOf(v), id.applyAsInt(k), v + "'s id");
        }
    }

    private static String layout(MicroKernelGenerator.Variant v) {
        return v.layout().name().toLowerCase(java.util.Locale.ROOT);
    }
}
