package org.vectorkernels.internal.panama.f64;

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
import org.vectorkernels.generator.DoubleSourceGenerator;

/**
 * The committed double twins are exactly what {@link DoubleSourceGenerator} writes from their float
 * sources: a twin edited by hand, or a float source changed without regenerating, fails here with
 * the command that regenerates them; so does a file in the twins' packages that the generator does not write.
 */
class GeneratedDoubleSourcesTest {
    private static final Path ROOT = Path.of("src/main");
    private static final String REGENERATE = "; regenerate: java src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java src/main";

    @Test
    void everyTwinIsWhatTheGeneratorWrites() throws IOException {
        Map<Path, String> expected = DoubleSourceGenerator.files(ROOT);
        for (Map.Entry<Path, String> f : expected.entrySet()) {
            Path file = ROOT.resolve(f.getKey());
            assertTrue(Files.isRegularFile(file), file + " is missing" + REGENERATE);
            assertEquals(f.getValue(), Files.readString(file, StandardCharsets.UTF_8), file + " differs from its float source" + REGENERATE);
        }
        TreeSet<Path> present = new TreeSet<>();
        for (Path dir : DoubleSourceGenerator.generatedDirs()) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.forEach(p -> present.add(ROOT.relativize(p)));
            }
        }
        present.removeAll(expected.keySet());
        assertEquals(List.of(), List.copyOf(present), "files in the twins' packages that the generator does not write" + REGENERATE);
    }
}
