package org.vectorkernels.examples.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.vectorkernels.Parallelism;

/**
 * Samples, every millisecond while it runs, two counts: {@link Parallelism#busyThreads()} (the
 * library's own count of threads at work on its calls), and, where Linux's /proc is there, the
 * Spark task threads and library workers of this JVM that are running or runnable (state R), as
 * the kernel sees them. In local mode the executor is this JVM.
 */
final class ThreadSampler implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private final Thread thread;
    private volatile boolean stop;
    private int maxBusy, maxRunning, samples;
    private List<Path> watched = List.of();

    private ThreadSampler() {
        thread = Thread.ofPlatform().daemon().name("thread-sampler").start(this::run);
    }

    static ThreadSampler start() {
        return new ThreadSampler();
    }

    private void run() {
        boolean proc = Files.isDirectory(TASKS);
        while (!stop) {
            if (proc && samples % 50 == 0) {
                watched = watchedThreads(); // Spark starts task threads as it needs them
            }
            maxBusy = Math.max(maxBusy, Parallelism.busyThreads());
            maxRunning = proc ? Math.max(maxRunning, running()) : -1;
            samples++;
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The /proc/self/task/TID/stat files of the task threads ("Executor task launch worker") and the library's workers. */
    private static List<Path> watchedThreads() {
        List<Path> stats = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String name = read(t.resolve("comm"));
                if (name.startsWith("Executor task") || name.startsWith("vector-kernels")) {
                    stats.add(t.resolve("stat"));
                }
            }
        } catch (IOException e) {
            return List.of(); // the threads changed under us: next time
        }
        return stats;
    }

    private int running() {
        int running = 0;
        for (Path stat : watched) {
            String s = read(stat);
            int close = s.lastIndexOf(')'); // the state follows the name, which may hold spaces
            running += close > 0 && close + 2 < s.length() && s.charAt(close + 2) == 'R' ? 1 : 0;
        }
        return running;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return ""; // the thread has exited
        }
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was seen until now (call after {@link #close}). */
    Seen seen() {
        return new Seen(maxBusy, maxRunning, samples);
    }

    /**
     * The most threads at once: at work on the library's calls by its own count ({@code maxBusy}),
     * and task threads and library workers running by /proc ({@code maxRunning}, -1 without /proc).
     */
    record Seen(int maxBusy, int maxRunning, int samples) {
        @Override
        public String toString() {
            return String.format("library busy threads at most %d, task threads and library workers running at most %s (%,d samples)",
                    maxBusy, maxRunning < 0 ? "unknown (no /proc)" : String.valueOf(maxRunning), samples);
        }
    }
}
