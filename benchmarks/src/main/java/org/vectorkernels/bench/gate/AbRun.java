package org.vectorkernels.bench.gate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.vectorkernels.bench.gate.Judge.Samples;
import org.vectorkernels.bench.report.JmhResult;

/**
 * Runs the gate's benchmarks on the base and the candidate, interleaved: for each benchmark class,
 * one fork of each of its figures on one side, then on the other, the order alternating from pair
 * to pair, so that a drift of the machine hits both alike. Each fork is a fresh JMH process with identical flags; the two
 * sides differ only in the library jar on their class path (the benchmark code is the candidate's).
 */
final class AbRun {
    /** JMH settings of one fork, and how many base/candidate pairs of forks each figure gets. */
    record Settings(int pairs, int warmups, String warmupTime, int iterations, String iterationTime) {
        static final Settings QUICK = new Settings(3, 3, "500ms", 5, "500ms");
        static final Settings FULL = new Settings(5, 5, "1s", 5, "1s");
    }

    private final Settings settings;
    private final List<String> jvmArgs;
    private final Path out;
    private final List<String> classpathWithoutLibrary;
    private int runs;

    AbRun(Settings settings, List<String> jvmArgs, Path out) {
        this.settings = settings;
        this.jvmArgs = jvmArgs;
        this.out = out;
        this.classpathWithoutLibrary = withoutLibrary(System.getProperty("java.class.path"));
    }

    /** Both sides' samples of each figure: index 0 the base, 1 the candidate. */
    List<Map<Figure, Samples>> run(List<Figure> figures, Path baseJar, Path candidateJar) throws IOException {
        List<Map<Figure, Samples>> sides = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        Path[] jars = {baseJar, candidateJar};
        String[] names = {"base", "candidate"};
        // One JMH process per benchmark class and side: it forks once per figure of that class.
        Map<String, List<Figure>> groups = figures.stream().collect(
                Collectors.groupingBy(Figure::className, LinkedHashMap::new, Collectors.toList()));
        Files.createDirectories(out);
        for (int pair = 0; pair < settings.pairs(); pair++) {
            for (List<Figure> group : groups.values()) {
                for (int i = 0; i < 2; i++) {
                    int side = (pair % 2 == 0) ? i : 1 - i;
                    System.out.printf("perf-gate: pair %d of %d, %s: %s%n", pair + 1, settings.pairs(), names[side],
                            group.stream().map(Figure::id).collect(Collectors.joining(", ")));
                    Map<Figure, Samples> got = forks(group, jars[side], names[side]);
                    got.forEach((f, s) -> sides.get(side).merge(f, s, AbRun::pool));
                }
            }
        }
        return sides;
    }

    /** One fork of each figure of a class, in one JMH process; a figure that did not run is left out (its log is named). */
    private Map<Figure, Samples> forks(List<Figure> group, Path jar, String side) throws IOException {
        String stem = String.format("jmh-%03d-%s", ++runs, side);
        Path json = out.resolve(stem + ".json"), log = out.resolve(stem + ".log");
        String methods = group.stream().map(Figure::method).distinct().collect(Collectors.joining("|"));
        String shapes = group.stream().map(Figure::shape).distinct().collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", jar + File.pathSeparator + String.join(File.pathSeparator, classpathWithoutLibrary),
                "org.openjdk.jmh.Main", "\\." + group.get(0).className() + "\\.(" + methods + ")$", "-p", "shape=" + shapes,
                "-f", "1", "-wi", String.valueOf(settings.warmups()), "-w", settings.warmupTime(),
                "-i", String.valueOf(settings.iterations()), "-r", settings.iterationTime(),
                "-foe", "false", "-rf", "json", "-rff", json.toString()));
        for (String param : group.get(0).params()) {
            cmd.addAll(List.of("-p", param));
        }
        if (!jvmArgs.isEmpty()) {
            cmd.addAll(List.of("-jvmArgsPrepend", String.join(" ", jvmArgs)));
        }
        Files.deleteIfExists(json);
        int status;
        try {
            status = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while benchmarking", e);
        }
        List<JmhResult> results = Files.isRegularFile(json) ? JmhResult.read(json) : List.of();
        Map<Figure, Samples> got = new LinkedHashMap<>();
        for (Figure f : group) {
            results.stream().filter(r -> r.benchmark().equals(f.method()) && r.param("shape").equals(f.shape())
                    && r.rawSeconds().length > 0).findFirst().ifPresentOrElse(r -> got.put(f, Samples.of(r)),
                    () -> System.out.printf("perf-gate: %s did not run on the %s (JMH exit %d); see %s%n", f.id(), side, status, log));
        }
        return got;
    }

    static Samples pool(Samples a, Samples b) {
        return new Samples(concat(a.seconds(), b.seconds()), concat(a.peakGflops(), b.peakGflops()));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** This JVM's class path less whatever holds the library, which each side brings in its own jar. */
    static List<String> withoutLibrary(String classpath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !holdsLibrary(Path.of(entry))) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static boolean holdsLibrary(Path entry) {
        String gemm = "org/vectorkernels/Gemm.class";
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(gemm));
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(gemm) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
