package org.vectorkernels.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a measurement was taken, for tables and baselines. */
public final class Machine {
    private Machine() {}

    /** The CPU model and the processors this JVM sees, e.g. "AMD EPYC, 2 CPUs". */
    public static String cpu() {
        String cpus = Runtime.getRuntime().availableProcessors() + " CPUs";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.replaceFirst(".*:\\s*", "") + ", " + cpus;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + ", " + cpus;
    }

    public static String jdk() {
        return Runtime.version().toString();
    }
}
