package org.vectorkernels.internal.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vectorkernels.Parallelism;

/**
 * Callers share the thread count: a caller alone hires workers up to it; a second caller that
 * arrives meanwhile waits until the first one's worker hands its seat back after its part, and
 * hires none; callers beyond the count all run; every seat is given back, whatever the parts do.
 */
class SharedSeatsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final int before = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(before);
    }

    private static boolean onWorker() {
        return Thread.currentThread().getName().startsWith("vector-kernels-worker-");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCallerAloneHiresUpToTheCountAndBothAreCounted() {
        Parallelism.setThreads(2);
        CyclicBarrier both = new CyclicBarrier(2); // passes only if the two parts run at once
        List<Integer> busy = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(LIMIT, () -> WorkerPool.run(part -> {
            threads.add(Thread.currentThread());
            busy.add(Parallelism.busyThreads()); // the seats are taken before any part runs
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 2));
        assertEquals(2, threads.stream().distinct().count(), "the caller and one worker");
        assertEquals(List.of(2, 2), busy);
        assertEquals(0, Parallelism.busyThreads(), "every seat given back");
    }

    @Test
    void aSecondCallerWaitsForTheWorkersSeatAndHiresNone() {
        Parallelism.setThreads(2);
        CountDownLatch workerInPart = new CountDownLatch(1);
        AtomicInteger workerParts = new AtomicInteger(), firstParts = new AtomicInteger();
        AtomicLong workerPartEnd = new AtomicLong(), secondStart = new AtomicLong();
        List<Thread> secondThreads = new CopyOnWriteArrayList<>();
        List<Integer> busySeenBySecond = new CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(LIMIT, () -> {
            Thread first = Thread.ofPlatform().start(() -> WorkerPool.run(part -> {
                firstParts.incrementAndGet();
                boolean firstOnWorker = onWorker() && workerParts.incrementAndGet() == 1;
                if (firstOnWorker) {
                    workerInPart.countDown();
                }
                sleep(firstOnWorker ? 200 : 20); // 20: a worker that kept its seat would claim another part
                if (firstOnWorker) {
                    workerPartEnd.set(System.nanoTime());
                }
            }, 12));
            await(workerInPart);
            WorkerPool.run(part -> {
                secondStart.compareAndSet(0, System.nanoTime());
                secondThreads.add(Thread.currentThread());
                busySeenBySecond.add(Parallelism.busyThreads());
                sleep(100);
            }, 2);
            first.join();
        });
        assertEquals(12, firstParts.get(), "every part of the first call ran");
        assertEquals(1, workerParts.get(), "the worker left after the part it was running");
        assertTrue(secondStart.get() >= workerPartEnd.get(), "the second caller waited for the worker's seat");
        assertEquals(2, secondThreads.size());
        assertEquals(1, secondThreads.stream().distinct().count(), "the second caller alone");
        assertFalse(secondThreads.get(0).getName().startsWith("vector-kernels-worker-"), "on its own thread");
        assertTrue(busySeenBySecond.stream().allMatch(b -> b <= 2), "never more than the count: " + busySeenBySecond);
        assertEquals(0, Parallelism.busyThreads());
    }

    @Test
    void callersBeyondTheCountAllRun() throws InterruptedException {
        Parallelism.setThreads(2);
        int callers = 6;
        AtomicInteger parts = new AtomicInteger(), maxBusy = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int c = 0; c < callers; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int i = 0; i < 50; i++) {
                    WorkerPool.run(part -> {
                        parts.incrementAndGet();
                        maxBusy.accumulateAndGet(Parallelism.busyThreads(), Math::max);
                    }, 2);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(30_000);
            assertFalse(t.isAlive(), "a caller is stuck");
        }
        assertEquals(callers * 50 * 2, parts.get());
        assertTrue(maxBusy.get() <= callers, "at most one seat per caller: " + maxBusy.get());
        assertEquals(0, Parallelism.busyThreads());
    }

    @Test
    void seatsAreGivenBackWhenAPartFails() {
        Parallelism.setThreads(2);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < 100; i++) {
                assertThrows(IllegalStateException.class, () -> WorkerPool.run(part -> {
                    throw new IllegalStateException("part " + part);
                }, 2));
            }
        });
        assertEquals(0, Parallelism.busyThreads());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
