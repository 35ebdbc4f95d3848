package org.vectorkernels.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.vectorkernels.Gemm;

/** {@code benchmarks/results/latest.md}: the comparison's tables, where and how they were measured, and the chart. */
public final class ResultsReport {
    private ResultsReport() {}

    /**
     * @param table the GFLOP/s and ratio table, in markdown
     * @param rows  [implementation, shape, GFLOP/s], for the fraction-of-peak table
     */
    public static void write(Path md, String table, double peakGflops, String mode, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# SGEMM benchmark results\n\n");
        sb.append(String.format(Locale.ROOT, "Measured %s on %s, JDK %s, kernels: %s. Command: `benchmarks/compare %s` "
                        + "(JMH medians of the raw iterations; JSON under `benchmarks/target/compare/`).%n%n",
                LocalDate.now(), Machine.cpu(), Machine.jdk(), Gemm.implementation(), mode));
        sb.append(table).append('\n');
        sb.append(String.format(Locale.ROOT, "FP32 FMA peak of one core (`FmaPeakBenchmark`, same run): **%.1f GFLOP/s**.%n%n",
                peakGflops));
        sb.append("| M×K×N | vector-kernels GFLOP/s | ÷ FMA peak |\n|---|---:|---:|\n");
        for (String[] r : rows) {
            if (r[0].equals("vectorKernels")) {
                double g = Double.parseDouble(r[2]);
                sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f%% |%n", r[1], g, 100 * g / peakGflops));
            }
        }
        sb.append("\n![GFLOP/s against n](sgemm-gflops.png)\n");
        Files.writeString(md, sb.toString());
    }
}
