package org.vectorkernels.examples.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/** A set as an RDD of {@link ImageBlock}s, read by the executors themselves and kept in their memory. */
final class Blocks {
    /** Rows per block: also the scoring batch, so that one JVM scores the same batches. */
    static final int ROWS = 1000;

    private Blocks() {}

    /** The training set ({@code test} false) or the test set of {@code source}, of {@code n} rows, in {@code partitions} partitions. */
    static JavaRDD<ImageBlock> of(JavaSparkContext sc, ImageSource source, boolean test, int n, int partitions) {
        List<Integer> firsts = new ArrayList<>();
        for (int first = 0; first < n; first += ROWS) {
            firsts.add(first);
        }
        JavaRDD<ImageBlock> blocks = sc.parallelize(firsts, partitions)
                .map(first -> source.block(test, first, Math.min(ROWS, n - first)))
                .persist(StorageLevel.MEMORY_ONLY());
        blocks.count(); // read now, not inside the first timed job
        return blocks;
    }
}
