package org.vectorkernels.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the double precision GEMM and its tests from their float source: the float classes are the
 * template (valid Java that is compiled and tested as it is, as JPSG's templates are), and each listed
 * file gets a twin in which every float becomes a double: types, vectors, tile kernels, literals,
 * {@code Sgemm} names, the package ({@code internal.panama} → {@code internal.panama.f64}; elsewhere the
 * twin stays in its package, named {@code Dgemm…} or {@code Double…}). The twins
 * are committed; {@code GeneratedDoubleSourcesTest} fails when one differs from what this writes. Run
 * from the repository root, after the kernels' generator:
 * <pre>
 * java src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java src
 * </pre>
 */
public final class DoubleSourceGenerator {
    static final String BASE = "org/vectorkernels/", INTERNAL = BASE + "internal/", PANAMA = INTERNAL + "panama/",
            F64 = PANAMA + "f64/";

    /** The float sources with a double twin, under src: the GEMM's loops, packing, tiles and threads split, and their tests. */
    static final List<String> SOURCES = List.of(
            "main/java/" + PANAMA + "BlockedGemm.java", "main/java/" + PANAMA + "DirectSgemm.java",
            "main/java/" + PANAMA + "EightRowTranspose.java", "main/java/" + PANAMA + "GemmCall.java",
            "main/java/" + PANAMA + "GemmSplit.java", "main/java/" + PANAMA + "HeapPanels.java",
            "main/java/" + PANAMA + "Lanes.java", "main/java/" + PANAMA + "MacroKernel.java",
            "main/java/" + PANAMA + "PackedRowTimesMatrix.java", "main/java/" + PANAMA + "Packing.java",
            "main/java/" + PANAMA + "PackingTeam.java", "main/java/" + PANAMA + "PanelsOfB.java",
            "main/java/" + PANAMA + "Plan.java", "main/java/" + PANAMA + "RowTimesMatrix.java",
            "main/java/" + PANAMA + "SgemmPaths.java", "main/java/" + PANAMA + "Species.java",
            "main/java/" + PANAMA + "TileStore.java", "main/java/" + PANAMA + "Workspace.java",
            "main/java22/" + PANAMA + "SegmentPanels.java",
            "main/java/" + INTERNAL + "PackedOperand.java", "main/java/" + INTERNAL + "GemmChecks.java",
            "main/java/" + INTERNAL + "SgemmContract.java", "main/java/" + INTERNAL + "scalar/ScalarSgemm.java",
            "main/java/" + INTERNAL + "scalar/ScalarGemmSplit.java", "main/java/" + INTERNAL + "threads/GemmParts.java",
            "main/java/" + INTERNAL + "threads/SumRowsSplit.java",
            "main/java/" + BASE + "Epilogue.java", "main/java/" + BASE + "PackedMatrix.java",
            "main/java/" + BASE + "reference/NaiveGemm.java",
            "test/java/" + BASE + "GemmCase.java", "test/java/" + BASE + "SgemmFunction.java",
            "test/java/" + BASE + "Implementations.java", "test/java/" + BASE + "SgemmShapesTest.java",
            "test/java/" + BASE + "SgemmSblat3Test.java", "test/java/" + BASE + "SgemmBadInputTest.java",
            "test/java/" + BASE + "SgemmConcurrencyTest.java", "test/java/" + BASE + "SgemmEpilogueTest.java",
            "test/java/" + BASE + "EpilogueSgemm.java", "test/java/" + BASE + "EpilogueChecks.java",
            "test/java/" + BASE + "PackedSgemmTest.java",
            "test/java/" + PANAMA + "Plans.java", "test/java/" + PANAMA + "PackingTest.java");

    /** Classes whose twin keeps its package and takes a "Double" before its name (the others' twins say Dgemm for Sgemm). */
    private static final Pattern RENAMED = Pattern.compile("\\b(PackedOperand|GemmChecks|GemmParts|SumRowsSplit|ScalarGemmSplit|Epilogue|PackedMatrix|NaiveGemm|GemmCase|Implementations|EpilogueChecks)\\b");

    /** Float idioms with no mechanical double form: a source that uses one needs a rule here first. */
    private static final Pattern UNMAPPED = Pattern.compile("IntBits|IntVector|VectorOperators\\.EXP|\\bIntStream");
    private static final Pattern FLOAT_LITERAL = Pattern.compile("\\b(\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)[fF]\\b");

    private DoubleSourceGenerator() {}

    /** Where the twin of {@code source} goes, under src. */
    static String twinPath(String source) {
        String twin = source.contains(PANAMA) ? source.replace(PANAMA, F64) : source;
        int slash = twin.lastIndexOf('/') + 1;
        return twin.substring(0, slash) + RENAMED.matcher(twin.substring(slash)).replaceAll("Double$1").replace("Sgemm", "Dgemm");
    }

    /** The double twin of a float source's text. */
    static String toDouble(String source, String text) {
        if (UNMAPPED.matcher(text).find()) {
            throw new IllegalArgumentException(source + " uses a float idiom with no double rule: " + UNMAPPED);
        }
        String t = text.replace("package org.vectorkernels.internal.panama;", "package org.vectorkernels.internal.panama.f64;")
                .replace("Float", "Double").replace("float", "double").replace("FLOAT", "DOUBLE")
                .replace("Sgemm", "Dgemm").replace("sgemm", "dgemm").replace("sblat3", "dblat3");
        t = RENAMED.matcher(t).replaceAll("Double$1");
        t = FLOAT_LITERAL.matcher(t).replaceAll("$1d");
        return "// GENERATED from src/" + source + " by src/generator/java/org/vectorkernels/generator/DoubleSourceGenerator.java: do not edit.\n" + t;
    }

    /** Every twin, by its path under src, with its text, from the sources under {@code src}. */
    public static Map<Path, String> files(Path src) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String s : SOURCES) {
            try {
                files.put(Path.of(twinPath(s)), toDouble(s, Files.readString(src.resolve(s), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The directories that hold twins only, under src (the tests' twins sit beside hand-written tests). */
    public static List<Path> generatedDirs() {
        return List.of(Path.of("main/java/" + F64), Path.of("main/java22/" + F64));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DoubleSourceGenerator SRC (src)");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Map<Path, String> files = files(root);
        for (Map.Entry<Path, String> f : files.entrySet()) {
            Files.createDirectories(root.resolve(f.getKey()).getParent());
            Files.writeString(root.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.size() + " double twins under " + root);
    }
}
