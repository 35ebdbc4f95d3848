package org.vectorkernels.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.vectorkernels.data.FashionMnist;

/**
 * The example in local[2], five epochs (Fashion-MNIST where it is installed, else the synthetic
 * set): scoring in Spark gives the one-JVM logits bit for bit, the data-parallel training ends
 * within one point of the one-JVM training's test accuracy, the weights are packed once per
 * broadcast in this JVM (the executor's), and the library never has more threads at work than cores.
 */
class SparkExampleTest {
    @Test
    void scoringEqualsOneJvmTrainingMatchesItAndThreadsStayWithinTheCores() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SparkExample.Report r;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            r = SparkExample.run("local[2]", ImageSource.at(FashionMnist.DEBIAN_DIR), 5, 2, out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertTrue(text.contains("equal to one JVM: true") && !text.contains("equal to one JVM: false"), text);
        for (SparkExample.Scoring mode : new SparkExample.Scoring[] {r.shared(), r.capped()}) {
            for (boolean equal : mode.equal()) {
                assertTrue(equal, "scoring in Spark differs from one JVM");
            }
            assertTrue(mode.threads().maxBusy() <= r.cores(), "library busy threads " + mode.threads().maxBusy() + " on " + r.cores() + " cores");
        }
        // Capped at spark.task.cpus, only the task threads work, so the kernel's count of running ones is bounded too.
        assertTrue(r.capped().threads().maxRunning() <= r.cores(), "running threads " + r.capped().threads().maxRunning() + " on " + r.cores() + " cores");
        double spark = r.sparkAccuracy()[4];
        assertTrue(Math.abs(spark - r.oneJvmAccuracy()) <= 0.01,
                "Spark " + spark + " against one JVM " + r.oneJvmAccuracy() + ": more than one point apart");
        assertTrue(r.oneJvmAccuracy() > 0.5, "the one-JVM training did not learn: " + r.oneJvmAccuracy());
        assertEquals(r.broadcastsScored(), r.packings(), "packed once per broadcast in this JVM");
        assertTrue(r.training().maxBusy() <= r.cores(), "library busy threads in training: " + r.training().maxBusy());
        for (int e = 1; e <= 5; e++) {
            assertTrue(text.contains("epoch " + e + "/5: "), "no line for epoch " + e);
        }
    }
}
