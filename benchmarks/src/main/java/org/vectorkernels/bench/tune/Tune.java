package org.vectorkernels.bench.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.incubator.vector.FloatVector;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.vectorkernels.internal.config.Cpu;
import org.vectorkernels.internal.config.Profile;
import org.vectorkernels.internal.config.Profiles;

/**
 * Measures the micro-tiles and cache blocks the library can use, on this machine, and prints the
 * profile it would choose: first the tile (MR = 4 to 8) at the current blocks, then KC, then MC,
 * NC following KC so that a packed block of B keeps the starting profile's size,
 * a candidate replacing the current choice only when 3% faster, each scored by the geometric mean of its single-threaded GFLOP/s over the shapes
 * (JMH {@code SgemmBenchmark.vectorKernels}, one fork per shape, sizes passed as
 * {@code -Dvectorkernels.mr/kc/mc/nc}). Run through {@code benchmarks/tune}:
 * <pre>
 * benchmarks/tune [--quick] [--shapes 256,1024,2048,256x784x512] [--jvm-arg -XX:UseAVX=2]...
 * </pre>
 */
public final class Tune {
    private static final int[] TILE_ROWS = {4, 5, 6, 7, 8};
    private static final int[] KCS = {128, 256, 384, 512, 768, 1024};
    private static final int[] MCS = {64, 128, 256};
    /** How much faster a candidate must be to replace the current choice: less is noise on this VM. */
    private static final double MARGIN = 1.03;

    private final List<String> jvmArgs = new ArrayList<>();
    private String[] shapes = {"256", "1024", "2048", "256x784x512"};
    /** Floats in a packed KC×NC block of B in the starting profile, which every candidate keeps. */
    private long bBlockFloats;
    private boolean quick;
    private final Map<String, double[]> measured = new LinkedHashMap<>();

    public static void main(String[] args) throws RunnerException {
        Tune t = new Tune();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> t.quick = true;
                case "--shapes" -> t.shapes = args[++i].split(",");
                case "--jvm-arg" -> t.jvmArgs.add(args[++i]);
                default -> {
                    System.err.println("tune: unknown argument " + args[i]
                            + "; usage: tune [--quick] [--shapes S,S,...] [--jvm-arg ARG]...");
                    System.exit(2);
                }
            }
        }
        t.run();
    }

    private void run() throws RunnerException {
        Cpu cpu = Cpu.detect();
        int bits = jvmArgs.contains("-XX:UseAVX=2") ? 256 : FloatVector.SPECIES_PREFERRED.vectorBitSize();
        Profile start = Profiles.select(bits, cpu);
        System.out.printf("tune: %s, %d-bit vectors, starting from %s%n", cpu.describe(), bits, start.describe(2 * bits / 32));
        int mr = start.mr(), kc = start.kc(), mc = start.mc();
        bBlockFloats = (long) start.kc() * start.nc();
        double best = score(mr, kc, mc);
        for (int r : TILE_ROWS) {
            double s = score(r, kc, mc);
            if (s > best * MARGIN) {
                best = s;
                mr = r;
            }
        }
        for (int k : KCS) {
            double s = score(mr, k, mc);
            if (s > best * MARGIN) {
                best = s;
                kc = k;
            }
        }
        for (int m : MCS) {
            double s = score(mr, kc, m);
            if (s > best * MARGIN) {
                best = s;
                mc = m;
            }
        }
        System.out.printf("%n| MR | KC | MC | NC | %s | geometric mean |%n|---|---|---|---|%s---|%n",
                String.join(" | ", shapes), "---|".repeat(shapes.length));
        measured.forEach((key, g) -> {
            StringBuilder row = new StringBuilder("| " + key.replace(" ", " | ") + " |");
            for (double x : g) {
                row.append(String.format(Locale.ROOT, " %.1f |", x));
            }
            row.append(String.format(Locale.ROOT, " %.1f |", geometricMean(g)));
            System.out.println(row);
        });
        String arch = Profiles.microarchitecture(cpu);
        System.out.printf(Locale.ROOT, "%ntune: chose MR=%d KC=%d MC=%d (%.1f GFLOP/s, geometric mean)%n", mr, kc, mc, best);
        System.out.printf("  try it:  -Dvectorkernels.mr=%d -Dvectorkernels.kc=%d -Dvectorkernels.mc=%d -Dvectorkernels.nc=%d%n",
                mr, kc, mc, nc(kc));
        System.out.printf("  ship it: new Profile(\"%s-%d\", %d, %d, %d, %d, \"shipped, measured on %s\"),%n",
                arch == null ? "NAME" : arch, bits, mr, kc, mc, nc(kc), cpu.describe());
    }

    /** GFLOP/s geometric mean over the shapes for these sizes; each candidate is measured once. */
    private double score(int mr, int kc, int mc) throws RunnerException {
        String key = mr + " " + kc + " " + mc + " " + nc(kc);
        double[] got = measured.get(key);
        if (got == null) {
            got = measure(mr, kc, mc);
            measured.put(key, got);
        }
        return geometricMean(got);
    }

    /** The NC that keeps a packed block of B at the starting profile's size, in whole 64-column steps. */
    private int nc(int kc) {
        return (int) Math.max(64, bBlockFloats / kc / 64 * 64);
    }

    private static double geometricMean(double[] x) {
        double log = 0;
        for (double v : x) {
            log += Math.log(v);
        }
        return Math.exp(log / x.length);
    }

    private double[] measure(int mr, int kc, int mc) throws RunnerException {
        List<String> args = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g",
                "-Dvectorkernels.threads=1", "-Dvectorkernels.mr=" + mr, "-Dvectorkernels.kc=" + kc, "-Dvectorkernels.mc=" + mc,
                "-Dvectorkernels.nc=" + nc(kc)));
        args.addAll(jvmArgs);
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("org.vectorkernels.bench.SgemmBenchmark.vectorKernels$")
                .param("shape", shapes)
                .warmupIterations(quick ? 3 : 5).warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .forks(1).jvmArgs(args.toArray(String[]::new)).verbosity(VerboseMode.SILENT);
        double[] gflops = new double[shapes.length];
        for (RunResult r : new Runner(o.build()).run()) {
            String shape = r.getParams().getParam("shape");
            for (int i = 0; i < shapes.length; i++) {
                if (shapes[i].equals(shape)) {
                    String[] d = shape.split("x");
                    double m = Double.parseDouble(d[0]), k = d.length == 1 ? m : Double.parseDouble(d[1]);
                    double n = d.length == 1 ? m : Double.parseDouble(d[2]);
                    gflops[i] = 2 * m * n * k / (r.getPrimaryResult().getScore() * 1e3); // score in µs
                }
            }
        }
        System.out.printf(Locale.ROOT, "tune: MR=%d KC=%d MC=%d NC=%d: %s GFLOP/s%n", mr, kc, mc, nc(kc), Arrays.toString(gflops));
        return gflops;
    }
}
