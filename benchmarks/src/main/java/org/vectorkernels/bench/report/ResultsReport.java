package org.vectorkernels.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.vectorkernels.Gemm;

/** {@code benchmarks/results/latest.md}: the comparison's tables, where and how they were measured, and the charts. */
public final class ResultsReport {
    private ResultsReport() {}

    /**
     * One table of the report.
     *
     * @param title the precision and threads, e.g. "DGEMM, one thread"
     * @param table the GFLOP/s and ratio table, in markdown
     * @param rows  [implementation, shape, GFLOP/s], for the fraction-of-peak table (none: no such table)
     * @param peakGflops the FMA peak of that precision on those threads
     * @param chart the chart's file beside the report, or null
     */
    public record Section(String title, String table, List<String[]> rows, double peakGflops, String chart) {}

    public static void write(Path md, List<Section> sections, double fp32PeakGflops, String mode) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# SGEMM and DGEMM benchmark results\n\n");
        sb.append(String.format(Locale.ROOT, "Measured %s on %s, JDK %s, kernels: %s. Command: `benchmarks/compare %s` "
                        + "(JMH medians of the raw iterations; JSON under `benchmarks/target/compare/`).%n%n",
                LocalDate.now(), Machine.cpu(), Machine.jdk(), Gemm.implementation(), mode));
        sb.append(String.format(Locale.ROOT, "FP32 FMA peak of one core (`FmaPeakBenchmark`, same run): **%.1f GFLOP/s**; "
                + "FP64's is half.%n%n", fp32PeakGflops));
        for (Section s : sections) {
            sb.append("## ").append(s.title()).append("\n\n").append(s.table()).append('\n');
            if (!s.rows().isEmpty()) {
                sb.append("| M×K×N | vector-kernels GFLOP/s | ÷ FMA peak |\n|---|---:|---:|\n");
                for (String[] r : s.rows()) {
                    if (r[0].equals("vectorKernels")) {
                        double g = Double.parseDouble(r[2]);
                        sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f%% |%n", r[1], g, 100 * g / s.peakGflops()));
                    }
                }
                sb.append('\n');
            }
            if (s.chart() != null) {
                sb.append("![").append(s.title()).append(": GFLOP/s against n](").append(s.chart()).append(")\n\n");
            }
        }
        Files.writeString(md, sb.toString());
    }
}
