package org.vectorkernels.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of the comparison: GFLOP/s against the size n of square products, one line per
 * implementation, and a horizontal line at the FMA peak measured in the same run.
 */
public final class GflopsChart {
    /** This library's series, drawn in black so that it stands out. */
    static final String OURS = "vectorKernels";

    private GflopsChart() {}

    /** {@code rows}: [implementation, shape, GFLOP/s]; shapes other than a single n are left out. */
    public static void write(Path png, String title, List<String[]> rows, double peakGflops, String subtitle) throws IOException {
        Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
        for (String[] r : rows) {
            if (r[1].matches("\\d+")) {
                series.computeIfAbsent(r[0], k -> new TreeMap<>()).put(Integer.parseInt(r[1]), Double.parseDouble(r[2]));
            }
        }
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title(title + ": " + subtitle).xAxisTitle("n (C = A·B, all n×n)").yAxisTitle("GFLOP/s")
                .build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int minN = Integer.MAX_VALUE, maxN = 0;
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            List<Integer> x = new ArrayList<>(e.getValue().keySet());
            List<Double> y = new ArrayList<>(e.getValue().values());
            XYSeries line = chart.addSeries(e.getKey(), x, y);
            if (e.getKey().equals(OURS)) { // XChart's palette gave it a yellow next to OpenBLAS-default's orange
                line.setMarkerColor(Color.BLACK);
                line.setLineColor(Color.BLACK).setLineWidth(3f);
            }
            minN = Math.min(minN, x.get(0));
            maxN = Math.max(maxN, x.get(x.size() - 1));
        }
        if (maxN > 0) {
            XYSeries peak = chart.addSeries(String.format(java.util.Locale.ROOT, "FMA peak %.0f", peakGflops),
                    List.of(minN, maxN), List.of(peakGflops, peakGflops));
            peak.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
                    .setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
