package org.vectorkernels.internal.threads;

/** How many parts a product is worth cutting into: by its size, the thread count, and whether a worker is awake. */
public final class Splits {
    /** The system property that sets the split threshold for the scalar kernels and overrides the profile's. */
    public static final String PARALLEL_MIN_VOLUME_PROPERTY = "vectorkernels.parallelMinVolume";

    /**
     * m·n·k per thread below which the scalar kernels' sgemm does not split over threads (measured:
     * see the README); the Vector API kernels take theirs from the CPU's profile.
     */
    public static final long PARALLEL_MIN_VOLUME = Long.getLong(PARALLEL_MIN_VOLUME_PROPERTY, 128L * 128 * 128);

    /**
     * m·n·k per part from which a split pays even when it must wake a parked worker: on the 2-vCPU
     * Zen 5 VM waking one cost more than the split of 100×784×100 saved (the example trained on 2
     * threads at about 140,000 images/s, on one at 250,000), while back to back, with the worker
     * still polling, that split took 83 instead of 123 µs (JMH). 8 Mi, not more: with 64 Mi a run of
     * 256×784×512 calls (parts of 51 Mi) never split, since the roused worker parked again before
     * the next call (2 threads: 1,120 µs, as on one; with 8 Mi 610 and 769). Not measured on Zen 4.
     */
    public static final long WAKE_MIN_VOLUME = Long.getLong("vectorkernels.wakeMinVolume", 8L << 20);

    /**
     * The number of parts an sgemm of this size is worth, at most the thread count: 1 keeps it on
     * the calling thread; no part smaller than {@code minVolume}. Parts smaller than
     * {@link #WAKE_MIN_VOLUME} are made only when an idle worker is awake to take them.
     */
    public static int parts(int m, int n, int k, long minVolume) {
        long volume = (long) m * n * k;
        int parts = (int) Math.max(1, Math.min(Threads.count(), volume / minVolume));
        if (parts > 1 && volume / parts < WAKE_MIN_VOLUME && !WorkerPool.workerAwake(parts - 1)) {
            return 1;
        }
        return parts;
    }

    private Splits() {}
}
