package org.vectorkernels.examples.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Sgd;
import org.vectorkernels.nn.Tensor;

/**
 * Minibatch SGD over an RDD of blocks: for each batch of the epoch's shuffled order, the driver
 * broadcasts the weights, each partition computes the summed gradient of the batch's rows it holds
 * (the layers' backward passes), {@code treeAggregate} adds them up, and the driver applies the
 * mean with {@link Sgd}. The batches, their order and the initial weights are the one-JVM
 * training's ({@link OneJvmTraining}), so both take the same steps up to the order of the sums.
 */
final class DataParallelTraining {
    /** Told after each epoch. */
    interface Listener {
        void epochDone(int epoch, double meanLoss, double imagesPerSecond, Sequential net);
    }

    private DataParallelTraining() {}

    static Sequential train(JavaSparkContext sc, JavaRDD<ImageBlock> blocks, int n, int features, int epochs, Listener listener) {
        Sequential net = Network.create(features);
        Sgd sgd = new Sgd(Network.LEARNING_RATE, Network.MOMENTUM, 0f);
        SplittableRandom shuffle = new SplittableRandom(Network.SHUFFLE_SEED);
        int batches = n / Network.BATCH;
        for (int e = 1; e <= epochs; e++) {
            int[] order = LabeledImages.randomOrder(n, shuffle);
            long start = System.nanoTime();
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int[] rows = Arrays.copyOfRange(order, b * Network.BATCH, (b + 1) * Network.BATCH);
                Broadcast<Weights> weights = sc.broadcast(Weights.of(net, features));
                Gradients sum = blocks.mapPartitions((Iterator<ImageBlock> it) -> List.of(gradients(it, rows, weights)).iterator())
                        .treeAggregate(Gradients.zero(), Gradients::add, Gradients::add);
                weights.destroy();
                if (sum.rows() != rows.length) {
                    throw new IllegalStateException("the partitions held " + sum.rows() + " of the batch's " + rows.length + " rows");
                }
                lossSum += sum.meanInto(net.parameters());
                sgd.step(net.parameters());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.epochDone(e, lossSum / Math.max(1, batches), batches * Network.BATCH / seconds, net);
        }
        return net;
    }

    /** The summed gradient of the rows of the batch that this partition's blocks hold. */
    private static Gradients gradients(Iterator<ImageBlock> it, int[] rows, Broadcast<Weights> weights) {
        List<ImageBlock> blocks = new ArrayList<>();
        it.forEachRemaining(blocks::add);
        if (blocks.isEmpty()) {
            return Gradients.zero();
        }
        int features = blocks.get(0).features(), held = 0;
        float[] x = new float[rows.length * features];
        int[] t = new int[rows.length];
        for (int row : rows) {
            for (ImageBlock b : blocks) {
                if (b.holds(row)) {
                    b.copyRow(row, x, t, held++);
                    break;
                }
            }
        }
        if (held == 0) {
            return Gradients.zero();
        }
        int r = held;
        return ExecutorNets.withTrainer(weights, net -> {
            double loss = net.gradient(Tensor.of(Arrays.copyOf(x, r * features), r, features), Arrays.copyOf(t, r));
            return Gradients.of(net.parameters(), loss, r);
        });
    }
}
