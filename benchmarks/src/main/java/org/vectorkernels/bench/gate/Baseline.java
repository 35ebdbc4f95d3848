package org.vectorkernels.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * {@code benchmarks/baseline.json}: the accepted value of every gate figure, each with where
 * and when it was measured, and the tolerance the gate allows below it.
 */
final class Baseline {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One accepted figure; {@code tolerance}, when present, replaces the file's for this figure. */
    record Entry(String id, String bench, String shape, double value, String mode, String date, String cpu, String jdk,
                 Double tolerance) {}

    /** The file's layout. */
    static final class File {
        double tolerance;
        String toleranceBasis;
        List<Entry> figures = new ArrayList<>();
    }

    /** Used when a baseline is first written; see the README for how it was chosen. */
    static final double DEFAULT_TOLERANCE = 0.20;
    static final String DEFAULT_BASIS = "7 quick runs on the 2-vCPU Zen 4 VM, 2026-11-24: the worst single run fell 26% "
            + "below the median (sgemm 64), every other figure at most 16%; a figure that fails is measured twice more "
            + "and the best counts, so a false alarm takes three bad runs in a row";

    final double tolerance;
    final String toleranceBasis;
    final Map<String, Entry> byId = new LinkedHashMap<>();

    private Baseline(File f) {
        if (!(f.tolerance > 0 && f.tolerance < 1)) {
            throw new IllegalArgumentException("baseline tolerance must be in (0, 1), not " + f.tolerance);
        }
        tolerance = f.tolerance;
        toleranceBasis = f.toleranceBasis;
        for (Entry e : f.figures) {
            if (e.tolerance() != null && !(e.tolerance() > 0 && e.tolerance() < 1)) {
                throw new IllegalArgumentException("tolerance of " + e.id() + " must be in (0, 1), not " + e.tolerance());
            }
            byId.put(e.id(), e);
        }
    }

    /** The tolerance of one figure. */
    double tolerance(String id) {
        Entry e = byId.get(id);
        return e != null && e.tolerance() != null ? e.tolerance() : tolerance;
    }

    static Baseline read(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no baseline at " + p.toAbsolutePath()
                    + ": measure one with benchmarks/perf-gate --update-baseline");
        }
        return new Baseline(GSON.fromJson(Files.readString(p), File.class));
    }

    /** Writes the figures measured now, keeping the tolerance and its basis. */
    static void write(Path p, double tolerance, String basis, List<Entry> entries) throws IOException {
        File f = new File();
        f.tolerance = tolerance;
        f.toleranceBasis = basis;
        f.figures = entries;
        Files.writeString(p, GSON.toJson(f) + "\n");
    }
}
