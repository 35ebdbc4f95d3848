package org.vectorkernels.internal.threads;

/**
 * How many threads one call may use, the calling thread included: {@code -Dvectorkernels.threads=N}
 * at start-up, else the available processors; {@code org.vectorkernels.Parallelism} sets it.
 */
public final class Threads {
    /** The system property read at start-up. */
    public static final String PROPERTY = "vectorkernels.threads";

    private static volatile int count = initial(System.getProperty(PROPERTY));

    private Threads() {}

    /** At least 1. */
    public static int count() {
        return count;
    }

    /** Sets the count; surplus workers exit once idle. */
    public static void set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + n);
        }
        count = n;
        WorkerPool.retireBeyond(n - 1);
    }

    static int initial(String v) {
        if (v == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + v + ": must be a whole number >= 1");
    }
}
