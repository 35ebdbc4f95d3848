package org.vectorkernels.internal.threads;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How many threads one call may use, the calling thread included: {@code -Dvectorkernels.threads=N}
 * at start-up, else the available processors; {@code org.vectorkernels.Parallelism} sets it, and
 * may cap it for the calls of one thread while a task runs ({@link #callCapped}).
 */
public final class Threads {
    /** The system property read at start-up. */
    public static final String PROPERTY = "vectorkernels.threads";

    private static volatile int count = initial(System.getProperty(PROPERTY));
    /** A cap on the calls of the current thread, set only while a capped task runs on it (so never left behind). */
    private static final ThreadLocal<Integer> CAP = new ThreadLocal<>();

    private Threads() {}

    /** The threads a call from this thread may use: the count, or this thread's cap if lower. At least 1. */
    public static int count() {
        Integer cap = CAP.get();
        return cap == null ? count : Math.min(cap, count);
    }

    /** The count every caller shares, whatever caps their threads have. */
    public static int shared() {
        return count;
    }

    /** Runs {@code task} with this thread's calls capped at {@code cap} threads; the previous cap is back afterwards. */
    public static <T> T callCapped(int cap, Supplier<T> task) {
        if (cap < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + cap);
        }
        Objects.requireNonNull(task, "task");
        Integer before = CAP.get();
        CAP.set(before == null ? cap : Math.min(before, cap));
        try {
            return task.get();
        } finally {
            if (before == null) {
                CAP.remove();
            } else {
                CAP.set(before);
            }
        }
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
