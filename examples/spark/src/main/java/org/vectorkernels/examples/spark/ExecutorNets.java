package org.vectorkernels.examples.spark;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.spark.broadcast.Broadcast;
import org.vectorkernels.nn.Sequential;

/**
 * The networks an executor JVM keeps between tasks. For scoring: the packed network of the latest
 * broadcast weights, packed once per JVM, of which each task takes a network of its own that
 * shares the packed weights ({@code forInference()} of an inference network: the packed layers are
 * immutable, the activations' buffers are per network). For training: networks to compute
 * gradients in, lent to one task at a time, as many as tasks ran at once.
 */
final class ExecutorNets {
    private record Packed(long broadcastId, Sequential net) {}

    private static volatile Packed packed;
    private static final ConcurrentLinkedQueue<Sequential> TRAINERS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger PACKINGS = new AtomicInteger();

    private ExecutorNets() {}

    /** A network for this task that scores with the broadcast weights, packed in this JVM once per broadcast. */
    static Sequential forScoring(Broadcast<Weights> weights) {
        Packed p = packed;
        if (p == null || p.broadcastId() != weights.id()) {
            synchronized (ExecutorNets.class) {
                p = packed;
                if (p == null || p.broadcastId() != weights.id()) {
                    packed = p = new Packed(weights.id(), weights.value().forInference());
                    PACKINGS.incrementAndGet();
                }
            }
        }
        return p.net().forInference(); // shares the packed weights, not the buffers
    }

    /** Runs {@code work} with a network lent to this task, its weights set to the broadcast's. */
    static <T> T withTrainer(Broadcast<Weights> weights, Function<Sequential, T> work) {
        Weights w = weights.value();
        Sequential net = TRAINERS.poll();
        if (net == null) {
            net = Network.create(w.features());
        }
        try {
            w.copyInto(net);
            return work.apply(net);
        } finally {
            TRAINERS.offer(net);
        }
    }

    /** How many times this JVM has packed broadcast weights. */
    static int packings() {
        return PACKINGS.get();
    }
}
