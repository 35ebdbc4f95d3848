package org.vectorkernels;

import java.util.function.Supplier;

import org.vectorkernels.internal.threads.Threads;
import org.vectorkernels.internal.threads.WorkerPool;

/**
 * How many threads the kernels may use for one call: sgemm (with or without an epilogue or
 * column sums) and sumRows split large problems along m and n, never along k, so results are
 * bitwise identical for every thread count. Small problems always run on the calling thread.
 *
 * <p>The default is {@code -Dvectorkernels.threads=N}, or else the number of available
 * processors. 1 means strictly single-threaded: no worker thread is ever started. The workers
 * are daemon threads of this library (at most the count minus one, started when first needed,
 * in the top thread group, with no context class loader and no inheritable thread-locals of the
 * thread that started them); a worker idle for a minute exits ({@code
 * -Dvectorkernels.workerKeepAliveMillis=N}), as do surplus ones when the count is lowered, and
 * an interrupted one; {@link #shutdown()} stops them all;
 * the calling thread always works too, and a call that finds no idle worker simply does more of
 * the work itself, so callers never wait on each other. Callers share the count: a call hires
 * workers only for the seats that the threads already at work on calls leave free, and a worker
 * hands its seat back between parts when another caller arrives (which waits, parked, for that seat
 * rather than add a thread), so that with two callers at once
 * on two threads each runs alone ({@link #busyThreads()}): several callers (task slots of a Spark
 * executor, a server's request threads) never put more threads to work than the count, unless they
 * alone are more. After each call
 * an idle worker polls for the next one for 100 µs before it sleeps, and a caller polls for its
 * workers as long before it sleeps ({@code -Dvectorkernels.spinMicros=N}, 0 to sleep at once):
 * waking a sleeping thread costs tens of microseconds per call.
 */
public final class Parallelism {
    /** The system property read at startup. */
    public static final String THREADS_PROPERTY = Threads.PROPERTY;

    private Parallelism() {}

    /**
     * The number of threads a call from this thread may use, including the calling thread: the
     * count set for all, or the cap of a task running on this thread ({@link #callWithThreads}) if lower.
     *
     * @return at least 1
     */
    public static int threads() {
        return Threads.count();
    }

    /**
     * Runs {@code task} on this thread with each of its calls using at most {@code count} threads,
     * the caller included, and returns what it returns: for a task that knows its share of the
     * cores, such as a Spark task with {@code spark.task.cpus} (docs/spark.md). Other threads' calls
     * are not affected; caps nest (the lower holds); the thread keeps nothing of it afterwards.
     *
     * @param count the most threads each call of the task may use, at least 1
     * @param task what to run
     * @param <T> what the task returns
     * @return what the task returned
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public static <T> T callWithThreads(int count, Supplier<T> task) {
        return Threads.callCapped(count, task);
    }

    /**
     * Sets the number of threads a call may use, including the calling thread.
     *
     * @param count the threads, the caller included
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public static void setThreads(int count) {
        Threads.set(count); // surplus workers exit once idle
    }

    /**
     * The threads at work on the library's calls now: every caller inside a call large enough to
     * be split, and each worker it hired (small products run on their caller and are not counted).
     * At most {@link #threads()} while such callers alone are fewer than that; with more, their number.
     *
     * @return the threads at work now, 0 when no call is running
     */
    public static int busyThreads() {
        return WorkerPool.busyThreads();
    }

    /**
     * Stops the library's worker threads and waits until they have exited: each finishes the
     * part it is running first. For containers that unload an application, and for tests. Calls
     * made afterwards still work: they start workers again when they need them. If the waiting
     * thread is interrupted it stops waiting and keeps its interrupt status.
     */
    public static void shutdown() {
        WorkerPool.shutdown();
    }
}
