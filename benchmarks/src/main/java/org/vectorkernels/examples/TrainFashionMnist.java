package org.vectorkernels.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.vectorkernels.Parallelism;
import org.vectorkernels.nn.WarmUp;
import org.vectorkernels.data.FashionMnist;
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.data.SyntheticImages;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;
import org.vectorkernels.nn.Tensor;

/**
 * Trains 784 → 100 → 10 (Affine, ReLU, Affine, softmax with cross-entropy; SGD, mini-batches of
 * 100) on Fashion-MNIST and prints, per epoch, a progress bar with the loss, the training
 * accuracy and images per second, then the test accuracy. Without the data set it says how to
 * get it and trains on {@link SyntheticImages} instead.
 *
 * <pre>
 * benchmarks/train-fashion-mnist [--epochs 5] [--data DIR] [--lr 0.02] [--momentum 0.9] [--threads N] [--naive] [--no-warm-up]
 * </pre>
 * {@code --naive} trains the same network written with NaiveGemm and plain loops instead; {@code --no-warm-up}
 * skips {@link WarmUp}, which otherwise runs beside the reading of the data.
 */
public final class TrainFashionMnist {
    public static final int BATCH = 100, HIDDEN = 100, CLASSES = 10;
    /** 85.8% test accuracy after 5 epochs here. */
    public static final float LEARNING_RATE = 0.02f, MOMENTUM = 0.9f;
    /** Seeds of the initial weights and of the shuffles. */
    public static final long WEIGHT_SEED = 7, SHUFFLE_SEED = 11;

    public static void main(String[] args) throws IOException, InterruptedException {
        int epochs = 5;
        float lr = LEARNING_RATE, momentum = MOMENTUM;
        Path dir = FashionMnist.DEBIAN_DIR;
        boolean naive = false, warmUp = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(value(args, ++i));
                case "--data" -> dir = Path.of(value(args, ++i));
                case "--lr" -> lr = Float.parseFloat(value(args, ++i));
                case "--momentum" -> momentum = Float.parseFloat(value(args, ++i));
                case "--threads" -> Parallelism.setThreads(Integer.parseInt(value(args, ++i)));
                case "--naive" -> naive = true;
                case "--no-warm-up" -> warmUp = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--epochs N] [--data DIR] [--lr RATE] [--momentum M] [--threads N] [--naive] [--no-warm-up]");
            }
        }
        PrintStream out = System.out;
        // The kernels compile while the data set is read (see WarmUp): otherwise the first epoch pays for it.
        long[] warmUpNanos = new long[1];
        Thread warmer = warmUp && !naive ? Thread.ofPlatform().name("vector-kernels warm-up")
                .start(() -> warmUpNanos[0] = WarmUp.run()) : null;
        LabeledImages train, test;
        if (FashionMnist.installedIn(dir)) {
            train = FashionMnist.train(dir);
            test = FashionMnist.test(dir);
            out.printf("Fashion-MNIST from %s: %d training and %d test images%n", dir, train.size(), test.size());
        } else {
            out.println("Fashion-MNIST is not at " + dir + ". On Debian or Ubuntu: sudo apt install dataset-fashion-mnist;");
            out.println("elsewhere, download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz");
            out.println("and t10k-labels-idx1-ubyte.gz from https://github.com/zalandoresearch/fashion-mnist into a");
            out.println("directory and pass --data DIR. Training on a synthetic set of 10 classes instead.");
            train = SyntheticImages.generate(6000, 1);
            test = SyntheticImages.generate(1000, 2);
        }
        if (warmer != null) {
            long waitStart = System.nanoTime();
            warmer.join();
            out.printf("warm-up (WarmUp.run, beside reading the data): %.2f s, of which waited for: %.2f s%n",
                    warmUpNanos[0] / 1e9, (System.nanoTime() - waitStart) / 1e9);
        }
        int features = train.images().size() / train.size();
        Sequential net = network(features);
        TrainingLoop.Net trainer = naive ? new NaiveTwoLayerNet(net, lr, momentum)
                : TrainingLoop.of(net, new Sgd(lr, momentum, 0f), features);
        out.printf("%s, %d threads, learning rate %s, momentum %s, batches of %d%n", naive
                ? "NaiveGemm and plain loops" : "vector-kernels", naive ? 1 : Parallelism.threads(), lr,
                momentum, BATCH);
        SplittableRandom shuffle = new SplittableRandom(SHUFFLE_SEED);
        ProgressBar bar = new ProgressBar(out);
        for (int e = 1; e <= epochs; e++) {
            bar.start("epoch " + e + "/" + epochs);
            TrainingLoop.epoch(trainer, train, BATCH, shuffle, bar);
            bar.finish(naive ? "" : String.format("  train accuracy %.4f", accuracy(net, train)));
        }
        if (!naive) {
            out.printf("test accuracy %.4f%n", accuracy(net, test));
        }
    }

    /** Accuracy over a whole set, predicted in batches of 1000 copied into one buffer (a slice per batch is garbage). */
    static double accuracy(Sequential net, LabeledImages set) {
        int n = set.size(), features = set.images().size() / Math.max(1, n), right = 0;
        float[] images = set.images().data(), buffer = new float[Math.min(n, 1000) * features];
        int[] labels = set.labels();
        for (int from = 0; from < n; from += 1000) {
            int rows = Math.min(1000, n - from);
            float[] x = rows * features == buffer.length ? buffer : new float[rows * features];
            System.arraycopy(images, from * features, x, 0, rows * features);
            int[] t = Arrays.copyOfRange(labels, from, from + rows);
            right += (int) Math.round(net.accuracy(Tensor.of(x, rows, features), t) * rows);
        }
        return (double) right / n;
    }

    /** The network this example trains, for images of {@code features} pixels. */
    public static Sequential network(int features) {
        return Sequential.twoLayerNet(features, HIDDEN, CLASSES, WEIGHT_SEED);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** One line per epoch, redrawn in place: {@code epoch 1/5 [=====>    ] 300/600 loss 0.53 12,345 img/s}. */
    static final class ProgressBar implements TrainingLoop.Progress {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private String label;
        private long lastDraw;
        private String line = "";

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        void start(String label) {
            this.label = label;
            lastDraw = 0;
        }

        @Override
        public void update(int done, int total, double loss, double imagesPerSecond) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 200_000_000L) {
                return; // redraw five times a second at most
            }
            lastDraw = now;
            int filled = done * WIDTH / total;
            line = String.format("%s [%s%s] %d/%d loss %.4f  %,.0f img/s", label, "=".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, loss, imagesPerSecond);
            out.print("\r" + line);
            out.flush();
        }

        void finish(String suffix) {
            out.println("\r" + line + suffix);
        }
    }
}
