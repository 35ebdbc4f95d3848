package org.vectorkernels.examples.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.vectorkernels.Gemm;
import org.vectorkernels.Parallelism;
import org.vectorkernels.data.FashionMnist;
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.nn.Sequential;

/**
 * vector-kernels in Spark executors (docs/spark.md): the two-layer network trained data-parallel
 * ({@link DataParallelTraining}) against the same training in one JVM, then the Fashion-MNIST
 * test set scored in {@code mapPartitions} ({@link BatchScoring}) against one JVM, with the
 * library's threads sampled throughout ({@link ThreadSampler}).
 * <pre>
 * examples/spark/run [--epochs 5] [--rounds 5] [--data DIR] [--master local[2]] [--no-vector]
 * </pre>
 * {@code --no-vector} is the run script's: it starts the JVM without {@code --add-modules jdk.incubator.vector}.
 */
public final class SparkExample {
    /** What a run printed, for the integration test. */
    record Report(double[] sparkAccuracy, double oneJvmAccuracy, int cores, int packings, int broadcastsScored,
                  ThreadSampler.Seen training, Scoring shared, Scoring capped) {}

    private SparkExample() {}

    public static void main(String[] args) {
        int epochs = 5, rounds = 5;
        Path dir = FashionMnist.DEBIAN_DIR;
        String master = "local[2]";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--data" -> dir = Path.of(value(args, ++i));
                case "--master" -> master = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--epochs N] [--rounds N] [--data DIR] [--master MASTER]");
            }
        }
        run(master, ImageSource.at(dir), epochs, rounds, System.out);
    }

    static Report run(String master, ImageSource source, int epochs, int rounds, PrintStream out) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("vector-kernels example")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            int slots = sc.defaultParallelism(), cores = Runtime.getRuntime().availableProcessors();
            LabeledImages train = source.load(false), test = source.load(true);
            int features = train.images().size() / train.size();
            out.printf("Spark %s, %s: %d task slots, %d cores; vector-kernels %s kernels, %d threads a call%n",
                    sc.version(), master, slots, cores, Gemm.implementation().startsWith("panama") ? "Vector API" : "scalar",
                    Parallelism.threads());
            out.printf("%s: %d training and %d test images, in blocks of %d over %d partitions%n",
                    source.describe(), train.size(), test.size(), Blocks.ROWS, slots);
            JavaRDD<ImageBlock> trainBlocks = Blocks.of(sc, source, false, train.size(), slots);
            JavaRDD<ImageBlock> testBlocks = Blocks.of(sc, source, true, test.size(), slots);

            double[] accuracy = new double[epochs];
            Sequential net;
            ThreadSampler sampler = ThreadSampler.start();
            try (sampler) {
                net = DataParallelTraining.train(sc, trainBlocks, train.size(), features, epochs, (e, loss, rate, trained) -> {
                    accuracy[e - 1] = trained.accuracy(test.images(), test.labels());
                    out.printf("epoch %d/%d: loss %.4f, %,.0f images/s, test accuracy %.4f%n", e, accuracy.length, loss, rate,
                            accuracy[e - 1]);
                });
            }
            ThreadSampler.Seen trainingThreads = sampler.seen();
            out.println("threads in training: " + trainingThreads);
            double oneJvm = OneJvmTraining.train(train, epochs).accuracy(test.images(), test.labels());
            double last = epochs == 0 ? oneJvm : accuracy[epochs - 1];
            out.printf("one JVM, the same batches: test accuracy %.4f after %d epochs; Spark %.4f, %.2f points apart%n",
                    oneJvm, epochs, last, 100 * Math.abs(last - oneJvm));

            Weights weights = Weights.of(net, features);
            float[] expected = BatchScoring.inOneJvm(test, weights);
            int packingsBefore = ExecutorNets.packings();
            out.println("threads shared by the library's seats (the default):");
            Scoring shared = score(sc, testBlocks, weights, expected, rounds, false, out);
            out.printf("threads capped in each task at spark.task.cpus = %s (Parallelism.callWithThreads):%n",
                    sc.getConf().get("spark.task.cpus", "1"));
            Scoring capped = score(sc, testBlocks, weights, expected, rounds, true, out);
            int packings = ExecutorNets.packings() - packingsBefore;
            out.printf("weights packed %d times in this JVM for %d broadcasts scored (%d blocks each); test accuracy %.4f%n",
                    packings, 2 * rounds, Math.ceilDiv(test.size(), Blocks.ROWS), BatchScoring.accuracy(expected, test.labels()));
            return new Report(accuracy, oneJvm, cores, packings, 2 * rounds, trainingThreads, shared, capped);
        }
    }

    /** Rounds of scoring, each with weights broadcast anew: whether each equalled one JVM, and the threads seen. */
    record Scoring(boolean[] equal, ThreadSampler.Seen threads) {}

    private static Scoring score(JavaSparkContext sc, JavaRDD<ImageBlock> blocks, Weights weights, float[] expected, int rounds,
                                 boolean capped, PrintStream out) {
        int n = expected.length / Network.CLASSES;
        boolean[] equal = new boolean[rounds];
        ThreadSampler sampler = ThreadSampler.start();
        try (sampler) {
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                Broadcast<Weights> b = sc.broadcast(weights);
                float[] logits = BatchScoring.inSpark(blocks, b, n, capped);
                double seconds = (System.nanoTime() - start) / 1e9;
                b.destroy();
                equal[r] = Arrays.equals(logits, expected);
                out.printf("scoring: %d images in %.3f s = %,.0f images/s; equal to one JVM: %b%n", n, seconds, n / seconds, equal[r]);
            }
        }
        out.println("  " + sampler.seen());
        return new Scoring(equal, sampler.seen());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
