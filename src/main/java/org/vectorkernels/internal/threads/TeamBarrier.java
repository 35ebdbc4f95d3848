package org.vectorkernels.internal.threads;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The barrier of a {@link WorkerPool.Team}: reusable, allocation-free, spinning briefly (the
 * members wait for each other for microseconds) before yielding. A member that fails breaks it,
 * so the others stop waiting and fail too instead of hanging.
 */
public final class TeamBarrier {
    private static final int SPINS = 1 << 12;

    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private final AtomicReference<Throwable> broken = new AtomicReference<>();
    private int parties = 1;

    /** Prepares for a new team of {@code parties} members; only between teams. */
    public void reset(int parties) {
        this.parties = parties;
        arrived.set(0);
        broken.set(null);
    }

    /** Waits until every member has arrived. */
    public void await() {
        if (parties == 1) {
            return;
        }
        int g = generation; // cannot move on before this member arrives
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;
            return;
        }
        for (int spins = 0; generation == g; spins++) {
            Throwable cause = broken.get();
            if (cause != null) {
                throw new IllegalStateException("another thread of this call failed", cause);
            }
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Releases every waiting member with {@code cause}; the first cause stays, so every member reports the original failure. */
    public void breakWith(Throwable cause) {
        broken.compareAndSet(null, cause);
    }
}
