package org.vectorkernels.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One benchmark × parameter set from a JMH JSON result file ({@code -rf json}), with the raw
 * per-iteration scores of every fork. Medians come from those, never from JMH's score and
 * scoreError: the error is the string "NaN" when there are too few iterations, and a mean is
 * what one disturbed iteration on a shared machine drags furthest.
 *
 * @param benchmark the method name, e.g. {@code vectorKernels}
 * @param className the simple class name, e.g. {@code SgemmBenchmark}
 * @param params    the {@code @Param} values, e.g. shape → 1024
 * @param unit      the score unit, e.g. {@code us/op}
 * @param raw       every measured iteration of every fork, in run order
 * @param secondary the raw iterations of each secondary result, by name (e.g. {@code peakGflops})
 */
public record JmhResult(String benchmark, String className, Map<String, String> params, String unit, double[] raw,
                        Map<String, double[]> secondary) {

    public static List<JmhResult> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(JsonParser.parseReader(in));
        }
    }

    public static List<JmhResult> parse(String json) {
        return parse(JsonParser.parseString(json));
    }

    private static List<JmhResult> parse(JsonElement root) {
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("not a JMH JSON result: the top level is not an array");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            String full = o.get("benchmark").getAsString();
            String[] parts = full.split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            if (o.has("params")) {
                o.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
            }
            JsonObject metric = o.getAsJsonObject("primaryMetric");
            Map<String, double[]> secondary = new LinkedHashMap<>();
            if (o.has("secondaryMetrics")) {
                o.getAsJsonObject("secondaryMetrics").entrySet()
                        .forEach(m -> secondary.put(m.getKey(), rawData(m.getValue().getAsJsonObject())));
            }
            results.add(new JmhResult(parts[parts.length - 1], parts.length > 1 ? parts[parts.length - 2] : "",
                    params, metric.get("scoreUnit").getAsString(), rawData(metric), secondary));
        }
        return results;
    }

    /** Every iteration of every fork of one metric. */
    private static double[] rawData(JsonObject metric) {
        List<Double> raw = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                for (JsonElement v : fork.getAsJsonArray()) {
                    raw.add(number(v));
                }
            }
        }
        return raw.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** JMH writes non-finite numbers as strings ("NaN", "Infinity"). */
    private static double number(JsonElement v) {
        return v.getAsJsonPrimitive().isString() ? Double.parseDouble(v.getAsString()) : v.getAsDouble();
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The median of the raw iterations, NaN ones left out. */
    public double median() {
        return median(raw);
    }

    /** The median of {@code values}, NaN ones left out; NaN when none is left. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Seconds per operation from the median, for the time units JMH writes. */
    public double medianSeconds() {
        return median() * secondsPerUnit();
    }

    /** Every raw iteration in seconds per operation. */
    public double[] rawSeconds() {
        double scale = secondsPerUnit();
        return Arrays.stream(raw).map(v -> v * scale).toArray();
    }

    private double secondsPerUnit() {
        return switch (unit.replace("/op", "")) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            default -> throw new IllegalArgumentException("not an average-time unit: " + unit);
        };
    }
}
