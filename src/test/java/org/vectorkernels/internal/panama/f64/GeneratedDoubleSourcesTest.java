package org.vectorkernels.internal.panama.f64;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.vectorkernels.GeneratedFiles;
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
        GeneratedFiles.assertCommitted(ROOT, DoubleSourceGenerator.files(ROOT), DoubleSourceGenerator.generatedDirs(), REGENERATE);
    }
}
