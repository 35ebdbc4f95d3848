package org.vectorkernels.internal.panama.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
        Map<Path, String> expected = MicroKernelGenerator.files();
        for (Map.Entry<Path, String> f : expected.entrySet()) {
            Path file = ROOT.resolve(f.getKey());
            assertTrue(Files.isRegularFile(file), file + " is missing" + REGENERATE);
            assertEquals(f.getValue(), Files.readString(file, StandardCharsets.UTF_8), file + " differs from its generator" + REGENERATE);
        }
        TreeSet<Path> present = new TreeSet<>();
        for (Path dir : MicroKernelGenerator.generatedDirs()) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.forEach(p -> present.add(ROOT.relativize(p)));
            }
        }
        present.removeAll(expected.keySet());
        assertEquals(List.of(), List.copyOf(present), "files in the generated package that the generator does not write" + REGENERATE);
    }

    @Test
    void theRegistryListsEveryGeneratedKernelOnce() {
        assertEquals(MicroKernelGenerator.variants().size(), FloatTileKernels.all().size());
        for (MicroKernelGenerator.Variant v : MicroKernelGenerator.variants()) {
            FloatTileKernel k = FloatTileKernels.find(v.rows(), v.vectors(), v.panelVectors(),
                    v.layout().name().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
            assertEquals(v.className(), k.getClass().getSimpleName());
            assertEquals(MicroKernelGenerator.variants().indexOf(v), k.id(), v + "'s id");
        }
    }
}
