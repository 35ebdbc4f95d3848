package org.vectorkernels.examples.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.vectorkernels.Parallelism;
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.nn.Sequential;
import org.vectorkernels.nn.Tensor;

/** The logits of every image, computed in {@code mapPartitions} with broadcast weights, and the same in one JVM. */
final class BatchScoring {
    private BatchScoring() {}

    /** One block's logits, [rows, classes], for the rows from {@code first} on. */
    record Scored(int first, float[] logits) implements Serializable {}

    /**
     * The logits of the n images of {@code blocks}, in row order: each block a batch, each task on a
     * network of its own; with {@code capped}, each task's calls use at most its {@code spark.task.cpus} threads.
     */
    static float[] inSpark(JavaRDD<ImageBlock> blocks, Broadcast<Weights> weights, int n, boolean capped) {
        List<Scored> scored = blocks.mapPartitions((Iterator<ImageBlock> it) -> capped
                ? Parallelism.callWithThreads(TaskContext.get().cpus(), () -> score(it, weights))
                : score(it, weights)).collect();
        float[] all = new float[n * Network.CLASSES];
        for (Scored s : scored) {
            System.arraycopy(s.logits(), 0, all, s.first() * Network.CLASSES, s.logits().length);
        }
        return all;
    }

    private static Iterator<Scored> score(Iterator<ImageBlock> blocks, Broadcast<Weights> weights) {
        Sequential net = ExecutorNets.forScoring(weights);
        List<Scored> out = new ArrayList<>();
        while (blocks.hasNext()) {
            ImageBlock b = blocks.next();
            out.add(new Scored(b.first(), logits(net, b.images(), b.size(), b.features())));
        }
        return out.iterator();
    }

    /** The same logits computed in this JVM alone, in the same batches. */
    static float[] inOneJvm(LabeledImages set, Weights weights) {
        Sequential net = weights.forInference();
        int n = set.size(), features = set.images().size() / Math.max(1, n);
        float[] all = new float[n * Network.CLASSES], images = set.images().data();
        for (int first = 0; first < n; first += Blocks.ROWS) {
            int rows = Math.min(Blocks.ROWS, n - first);
            float[] x = new float[rows * features];
            System.arraycopy(images, first * features, x, 0, x.length);
            float[] y = logits(net, x, rows, features);
            System.arraycopy(y, 0, all, first * Network.CLASSES, y.length);
        }
        return all;
    }

    private static float[] logits(Sequential net, float[] images, int rows, int features) {
        return net.predict(Tensor.of(images, rows, features)).data();
    }

    /** The fraction of rows whose largest logit is at the label. */
    static double accuracy(float[] logits, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < Network.CLASSES; c++) {
                best = logits[i * Network.CLASSES + c] > logits[i * Network.CLASSES + best] ? c : best;
            }
            right += best == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) right / labels.length;
    }
}
