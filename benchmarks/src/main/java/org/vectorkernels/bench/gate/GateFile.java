package org.vectorkernels.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * {@code benchmarks/baseline.json}: the base commit the gate measures every candidate against,
 * when it was accepted, and the slowdown each figure may show before it fails. It holds
 * no timings: those are measured on both sides in every run, on whatever machine runs the gate.
 */
final class GateFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The file's layout. */
    static final class Json {
        String base;
        String acceptedOn;
        double threshold;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        String thresholdBasis;
    }

    final Json json;

    private GateFile(Json json) {
        this.json = json;
    }

    static GateFile read(Path p) {
        if (!Files.exists(p)) {
            throw GateException.usage("no gate file at " + p.toAbsolutePath()
                    + ": record a base commit with benchmarks/perf-gate --accept HEAD");
        }
        Json j;
        try {
            j = GSON.fromJson(Files.readString(p), Json.class);
        } catch (IOException | JsonParseException e) {
            throw GateException.usage("cannot read " + p + ": " + e.getMessage());
        }
        if (j == null || j.base == null || !j.base.matches("[0-9a-f]{40}")) {
            throw GateException.usage(p + " must name the base as a full commit id (\"base\"), not " + (j == null ? null : j.base));
        }
        check(j.threshold, p + " threshold");
        if (j.thresholds == null) {
            j.thresholds = new LinkedHashMap<>();
        }
        j.thresholds.forEach((id, t) -> check(t, p + " threshold of " + id));
        return new GateFile(j);
    }

    private static void check(Double t, String what) {
        if (t == null || !(t > 0 && t < 1)) {
            throw GateException.usage(what + " must be in (0, 1), not " + t);
        }
    }

    /** The slowdown (candidate ÷ base time − 1) the figure may show before it fails. */
    double threshold(String id) {
        return json.thresholds.getOrDefault(id, json.threshold);
    }

    /** Moves the base to {@code sha}, keeping the thresholds, and writes the file. */
    void accept(Path p, String sha, String date) throws IOException {
        json.base = sha;
        json.acceptedOn = date;
        Files.writeString(p, GSON.toJson(json) + "\n");
    }
}
