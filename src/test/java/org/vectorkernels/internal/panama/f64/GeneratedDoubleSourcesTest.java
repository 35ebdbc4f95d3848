package org.vectorkernels.internal.panama.f64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.vectorkernels.GeneratedFiles;
import org.vectorkernels.generator.DoubleSourceGenerator;

/**
 * The committed double twins are exactly what {@link DoubleSourceGenerator} writes from their float
 * sources: a twin edited by hand, or a float source changed without regenerating, fails here with
 * the command that regenerates them; so does a file in the twins' packages, or any file that says it
 * is this generator's output, that the generator no longer writes.
 */
class GeneratedDoubleSourcesTest {
    private static final Path ROOT = Path.of("src");
    private static final String REGENERATE = "; regenerate: java src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java src";

    @Test
    void everyTwinIsWhatTheGeneratorWrites() throws IOException {
        Map<Path, String> files = DoubleSourceGenerator.files(ROOT);
        GeneratedFiles.assertCommitted(ROOT, files, DoubleSourceGenerator.generatedDirs(), REGENERATE);
        try (Stream<Path> all = Files.walk(ROOT)) {
            List<Path> stale = all.filter(p -> p.toString().endsWith(".java") && saysGenerated(p))
                    .map(ROOT::relativize).filter(p -> !files.containsKey(p)).toList();
            assertEquals(List.of(), stale, "twins whose float source is no longer listed" + REGENERATE);
        }
    }

    private static boolean saysGenerated(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith("// GENERATED") && first.contains("DoubleSourceGenerator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
