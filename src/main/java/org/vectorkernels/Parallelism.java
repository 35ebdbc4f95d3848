package org.vectorkernels;

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
 * the calling thread always works too, and a call finds no idle worker (many callers at once)
 * simply does more of the work itself, so callers never wait on each other and the library
 * adds no more than the count minus one threads to what the application runs. After each call
 * an idle worker polls for the next one for 100 µs before it sleeps, and a caller polls for its
 * workers as long before it sleeps ({@code -Dvectorkernels.spinMicros=N}, 0 to sleep at once):
 * waking a sleeping thread costs tens of microseconds per call.
 */
public final class Parallelism {
    /** The system property read at startup. */
    public static final String THREADS_PROPERTY = Threads.PROPERTY;

    private Parallelism() {}

    /**
     * The number of threads a call may use, including the calling thread.
     *
     * @return at least 1
     */
    public static int threads() {
        return Threads.count();
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
     * Stops the library's worker threads and waits until they have exited: each finishes the
     * part it is running first. For containers that unload an application, and for tests. Calls
     * made afterwards still work: they start workers again when they need them. If the waiting
     * thread is interrupted it stops waiting and keeps its interrupt status.
     */
    public static void shutdown() {
        WorkerPool.shutdown();
    }
}
