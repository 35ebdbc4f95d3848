package org.vectorkernels.internal.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vectorkernels.Parallelism;

/**
 * The library's worker threads as a server needs them: no CPU when idle, interrupted or not; a
 * caller's interrupt kept and never turned into a spin; surplus and stopped workers gone; none
 * of the starting thread's context held; no part running after a call has thrown.
 */
class WorkerLifecycleTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final int before = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(before);
    }

    /** Runs two parts, so that one worker is hired (the pool's first worker is idle between tests), and returns the workers. */
    private static List<Thread> useWorkers(int threads) {
        Parallelism.setThreads(threads);
        for (int i = 0; i < 20 && (i == 0 || workers().size() < threads - 1); i++) {
            WorkerPool.run(p -> sleep(5), threads); // long enough that every part finds its own thread
        }
        return workers();
    }

    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vector-kernels-worker-") && t.isAlive()).toList();
    }

    @Test
    void anInterruptedWorkerUsesNoCpuWhenIdle() throws Exception {
        Thread worker = useWorkers(2).get(0);
        worker.interrupt();
        long cpu0 = cpuNanos(worker);
        Thread.sleep(2000);
        long used = cpuNanos(worker) - cpu0; // -1 once it has exited
        assertTrue(!worker.isAlive() || used < 50_000_000, "an interrupted idle worker used " + used / 1e6 + " ms of CPU in 2 s");
        // The pool still works: a new worker is started when one is needed.
        useWorkers(2);
        assertFalse(workers().isEmpty());
    }

    @Test
    void anInterruptedCallerKeepsItsInterruptAndDoesNotSpin() {
        useWorkers(2);
        AtomicBoolean workerSlept = new AtomicBoolean(), workerStarted = new AtomicBoolean();
        long callerCpu = 0;
        for (int attempt = 0; attempt < 10 && !workerSlept.get(); attempt++) { // until a worker takes the sleeping part
            Thread.currentThread().interrupt();
            try {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                WorkerPool.run(p -> {
                    if (Thread.currentThread().getName().startsWith("vector-kernels-worker-")) {
                        workerStarted.set(true);
                        sleep(600); // the caller waits for this part
                        workerSlept.set(true);
                    } else { // give a parked worker time to wake and take the other part (sleep would throw: interrupted)
                        long end = System.nanoTime() + 50_000_000;
                        while (!workerStarted.get() && System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    }
                }, 2);
                callerCpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt status was lost");
            } finally {
                Thread.interrupted();
            }
        }
        assertTrue(workerSlept.get(), "no worker took a part in 10 calls");
        assertTrue(callerCpu < 300_000_000, "the interrupted caller used " + callerCpu / 1e6 + " ms of CPU waiting 600 ms");
    }

    @Test
    void surplusWorkersExitWhenTheCountIsLoweredAndShutdownStopsAll() throws Exception {
        assertTrue(useWorkers(6).size() >= 5);
        Parallelism.setThreads(2);
        waitFor(() -> workers().size() <= 1, "surplus workers to exit");
        assertTrue(WorkerPool.liveWorkers() <= 1);
        Parallelism.shutdown();
        assertEquals(0, WorkerPool.liveWorkers());
        assertTrue(workers().isEmpty(), "workers alive after shutdown: " + workers());
        // Calls after a shutdown work, and start workers again.
        assertEquals(2, useWorkers(2).size() + 1);
        Parallelism.shutdown();
    }

    @Test
    void workersHoldNoneOfTheStartingThreadsContext() throws Exception {
        Parallelism.shutdown(); // so that the next call starts fresh workers from the thread below
        InheritableThreadLocal<String> request = new InheritableThreadLocal<>();
        ClassLoader app = new ClassLoader(getClass().getClassLoader()) { };
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Thread starter = new Thread(new ThreadGroup("application"), () -> {
            request.set("a request's context");
            Thread.currentThread().setContextClassLoader(app);
            Parallelism.setThreads(2);
            for (int attempt = 0; attempt < 10 && seen.get() == null; attempt++) { // until a worker takes a part
                WorkerPool.run(p -> {
                    if (Thread.currentThread().getName().startsWith("vector-kernels-worker-")) {
                        Thread t = Thread.currentThread();
                        seen.set(new Object[] {t.getContextClassLoader(), request.get(), t.getThreadGroup(), t.isDaemon()});
                    }
                    sleep(5);
                }, 2);
            }
        });
        starter.start();
        starter.join();
        Object[] s = seen.get();
        assertTrue(s != null, "no worker took a part in 10 calls");
        assertNull(s[0], "a worker kept the starting thread's context class loader");
        assertNull(s[1], "a worker inherited the starting thread's inheritable thread-locals");
        assertNull(((ThreadGroup) s[2]).getParent(), "a worker is not in the top thread group: " + s[2]);
        assertEquals(true, s[3]);
    }

    @Test
    void aTeamThatFailsToSetUpRunsNoPartAfterTheCallThrows() throws Exception {
        useWorkers(3);
        AtomicInteger partsRun = new AtomicInteger();
        OutOfMemoryError planted = new OutOfMemoryError("planted while packing");
        WorkerPool.Team failing = new WorkerPool.Team() {
            @Override
            public void members(int count) {
                throw planted;
            }

            @Override
            public void run(int part) {
                sleep(50);
                partsRun.incrementAndGet();
            }
        };
        assertSame(planted, assertThrows(OutOfMemoryError.class, () -> WorkerPool.runTeam(failing, 3)));
        Thread.sleep(300);
        assertEquals(0, partsRun.get(), "parts ran after the call had thrown");
    }

    @Test
    void aFailingPartEndsTheCallOnlyAfterEveryOtherPart() {
        useWorkers(2);
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException planted = new IllegalStateException("planted");
        CountDownLatch started = new CountDownLatch(2);
        assertSame(planted, assertThrows(IllegalStateException.class, () -> WorkerPool.run(p -> {
            started.countDown();
            if (p == 0) {
                throw planted;
            }
            sleep(200);
            finished.incrementAndGet();
        }, 2)));
        assertEquals(1, finished.get(), "the call returned before its other part had finished");
    }

    @Test
    void idleWorkersExitAfterTheKeepAlive() throws Exception {
        long keepAliveMillis = WorkerPool.KEEP_ALIVE_NANOS / 1_000_000;
        if (keepAliveMillis > 5000) {
            return; // the configuration that sets a short keep-alive checks this (pom.xml, avx2)
        }
        useWorkers(2);
        waitFor(() -> workers().isEmpty(), "idle workers to exit after " + keepAliveMillis + " ms");
    }

    private static long cpuNanos(Thread t) {
        return THREADS.getThreadCpuTime(t.threadId());
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
