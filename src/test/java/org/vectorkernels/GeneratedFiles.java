package org.vectorkernels;

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

/** The check that committed generated sources are what their generator writes, for each generator's test. */
public final class GeneratedFiles {
    private GeneratedFiles() {}

    /**
     * Every file of {@code expected} (paths under {@code root}) exists with exactly its text, and the
     * generated directories hold no other file; failures end with {@code regenerate}.
     */
    public static void assertCommitted(Path root, Map<Path, String> expected, List<Path> generatedDirs, String regenerate)
            throws IOException {
        for (Map.Entry<Path, String> f : expected.entrySet()) {
            Path file = root.resolve(f.getKey());
            assertTrue(Files.isRegularFile(file), file + " is missing" + regenerate);
            assertEquals(f.getValue(), Files.readString(file, StandardCharsets.UTF_8), file + " differs from its generator" + regenerate);
        }
        TreeSet<Path> present = new TreeSet<>();
        for (Path dir : generatedDirs) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.forEach(p -> present.add(root.relativize(p)));
            }
        }
        present.removeAll(expected.keySet());
        assertEquals(List.of(), List.copyOf(present), "files in the generated directories that the generator does not write" + regenerate);
    }
}
