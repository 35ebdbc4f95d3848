package org.vectorkernels.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a measurement was taken, for tables and records: the CPU changes between sessions here. */
public final class Machine {
    private Machine() {}

    /** The CPU model, family and model, and the processors this JVM sees, e.g. "AMD EPYC (family 23 model 49), 2 CPUs". */
    public static String cpu() {
        String cpus = Runtime.getRuntime().availableProcessors() + " CPUs";
        List<String> info = cpuinfo();
        String name = field(info, "model name");
        if (name == null) {
            return System.getProperty("os.arch") + ", " + cpus;
        }
        return name + " (family " + field(info, "cpu family") + " model " + field(info, "model") + "), " + cpus;
    }

    /** "family F model M" alone, a stable key for per-CPU records; the architecture where /proc/cpuinfo is absent. */
    public static String cpuKey() {
        List<String> info = cpuinfo();
        String family = field(info, "cpu family");
        return family == null ? System.getProperty("os.arch") : "family-" + family + "-model-" + field(info, "model");
    }

    public static String jdk() {
        return Runtime.version().toString();
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux
        }
    }

    /** The first "name : value" of the first processor. */
    private static String field(List<String> info, String name) {
        for (String line : info) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
